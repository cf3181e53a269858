// SPDX-License-Identifier: Apache-2.0

/// 32-bit FNV-1a, the hash GOFF's `utils.Hash` computes (Go's `hash/fnv.New32a`).
enum FNV1a {
    /// The hash of `bytes`.
    static func hash32<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }
}
