// SPDX-License-Identifier: Apache-2.0

/// FNV-1a, 32 bits (Go's `hash/fnv` `New32a`).
enum FNV1a32 {
    static func hash(_ parts: String...) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for part in parts {
            for byte in part.utf8 {
                h ^= UInt32(byte)
                h = h &* 16_777_619
            }
        }
        return h
    }

    /// GOFF's `BuildHash`: `hash(flagName + key) % max`, 0 when `max` is 0.
    static func bucket(flagKey: String, key: String, max: UInt32) -> UInt32 {
        max == 0 ? 0 : hash(flagKey, key) % max
    }
}
