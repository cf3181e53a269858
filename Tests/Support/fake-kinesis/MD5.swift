// SPDX-License-Identifier: Apache-2.0

/// MD5 (RFC 1321), only to map partition keys to hash keys the way Kinesis does. Written here so
/// the fake needs no crypto library for it; never use it for security.
enum MD5 {
    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]

    /// `floor(abs(sin(i + 1)) * 2^32)`, as tabulated in RFC 1321.
    private static let constants: [UInt32] = [
        0xd76a_a478, 0xe8c7_b756, 0x2420_70db, 0xc1bd_ceee, 0xf57c_0faf, 0x4787_c62a, 0xa830_4613, 0xfd46_9501,
        0x6980_98d8, 0x8b44_f7af, 0xffff_5bb1, 0x895c_d7be, 0x6b90_1122, 0xfd98_7193, 0xa679_438e, 0x49b4_0821,
        0xf61e_2562, 0xc040_b340, 0x265e_5a51, 0xe9b6_c7aa, 0xd62f_105d, 0x0244_1453, 0xd8a1_e681, 0xe7d3_fbc8,
        0x21e1_cde6, 0xc337_07d6, 0xf4d5_0d87, 0x455a_14ed, 0xa9e3_e905, 0xfcef_a3f8, 0x676f_02d9, 0x8d2a_4c8a,
        0xfffa_3942, 0x8771_f681, 0x6d9d_6122, 0xfde5_380c, 0xa4be_ea44, 0x4bde_cfa9, 0xf6bb_4b60, 0xbebf_bc70,
        0x289b_7ec6, 0xeaa1_27fa, 0xd4ef_3085, 0x0488_1d05, 0xd9d4_d039, 0xe6db_99e5, 0x1fa2_7cf8, 0xc4ac_5665,
        0xf429_2244, 0x432a_ff97, 0xab94_23a7, 0xfc93_a039, 0x655b_59c3, 0x8f0c_cc92, 0xffef_f47d, 0x8584_5dd1,
        0x6fa8_7e4f, 0xfe2c_e6e0, 0xa301_4314, 0x4e08_11a1, 0xf753_7e82, 0xbd3a_f235, 0x2ad7_d2bb, 0xeb86_d391,
    ]

    /// The digest of `bytes`, read as a big-endian unsigned 128-bit integer (Kinesis's hash key).
    static func hashKey(_ bytes: [UInt8]) -> UInt128 {
        bytes.withUnsafeBytes { hashKey($0) }
    }

    /// The digest of `bytes`, read as a big-endian unsigned 128-bit integer. Allocation-free: whole
    /// blocks are read in place, the padded tail goes through a 128-byte stack buffer.
    static func hashKey(_ bytes: UnsafeRawBufferPointer) -> UInt128 {
        var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)
        let fullBlocks = bytes.count / 64
        for block in 0..<fullBlocks {
            state = compress(state, UnsafeRawBufferPointer(rebasing: bytes[block * 64..<block * 64 + 64]))
        }
        let tailCount = bytes.count - fullBlocks * 64
        let bitLength = UInt64(bytes.count) &* 8
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
            tail.initializeMemory(as: UInt8.self, repeating: 0)
            if tailCount > 0 {
                tail.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[(fullBlocks * 64)..<bytes.count]))
            }
            tail[tailCount] = 0x80
            let tailBlocks = tailCount < 56 ? 1 : 2
            tail.storeBytes(of: bitLength.littleEndian, toByteOffset: tailBlocks * 64 - 8, as: UInt64.self)
            for block in 0..<tailBlocks {
                state = compress(state, UnsafeRawBufferPointer(rebasing: tail[block * 64..<block * 64 + 64]))
            }
        }
        // The digest is the four words in little-endian byte order.
        return UInt128(state.0.byteSwapped) << 96 | UInt128(state.1.byteSwapped) << 64
            | UInt128(state.2.byteSwapped) << 32 | UInt128(state.3.byteSwapped)
    }

    private static func compress(
        _ state: (UInt32, UInt32, UInt32, UInt32),
        _ block: UnsafeRawBufferPointer
    ) -> (UInt32, UInt32, UInt32, UInt32) {
        var (a, b, c, d) = state
        for index in 0..<64 {
            var mixed: UInt32
            let wordIndex: Int
            switch index {
            case 0..<16:
                mixed = (b & c) | (~b & d)
                wordIndex = index
            case 16..<32:
                mixed = (d & b) | (~d & c)
                wordIndex = (5 * index + 1) % 16
            case 32..<48:
                mixed = b ^ c ^ d
                wordIndex = (3 * index + 5) % 16
            default:
                mixed = c ^ (b | ~d)
                wordIndex = (7 * index) % 16
            }
            let word = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: wordIndex * 4, as: UInt32.self))
            mixed = mixed &+ a &+ constants[index] &+ word
            a = d
            d = c
            c = b
            let shift = shifts[index]
            b = b &+ (mixed << shift | mixed >> (32 - shift))
        }
        return (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }
}
