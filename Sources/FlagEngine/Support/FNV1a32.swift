// SPDX-License-Identifier: Apache-2.0

/// FNV-1a, 32 bits (Go's `hash/fnv` `New32a`).
enum FNV1a32 {
    static let offsetBasis: UInt32 = 2_166_136_261

    /// The hash of `first` followed by `second` (no allocation: no variadic array, no concatenation).
    static func hash(_ first: String, _ second: String) -> UInt32 {
        update(update(offsetBasis, first), second)
    }

    /// Feeds the UTF-8 bytes of `text` into the running hash `h`.
    static func update(_ h: UInt32, _ text: String) -> UInt32 {
        var h = h
        if let done = text.utf8.withContiguousStorageIfAvailable({ bytes -> UInt32 in
            var x = h
            for byte in bytes {
                x ^= UInt32(byte)
                x = x &* 16_777_619
            }
            return x
        }) {
            return done
        }
        for byte in text.utf8 {
            h ^= UInt32(byte)
            h = h &* 16_777_619
        }
        return h
    }

    /// GOFF's `BuildHash`: `hash(flagName + key) % max`, 0 when `max` is 0.
    static func bucket(flagKey: String, key: String, max: UInt32) -> UInt32 {
        max == 0 ? 0 : hash(flagKey, key) % max
    }
}
