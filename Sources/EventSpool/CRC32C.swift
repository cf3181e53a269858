// SPDX-License-Identifier: Apache-2.0

/// CRC-32C (Castagnoli, reflected polynomial `0x82F63B78`), the checksum of every spool frame.
///
/// Software slicing-by-8: eight 256-entry tables, eight input bytes per step. The value type is a running
/// state, so a frame's checksum can be started outside the spool's lock and finished inside it.
struct CRC32C: Sendable, Equatable {
    private var state: UInt32 = 0xFFFF_FFFF

    /// A fresh checksum over no bytes.
    init() {}

    /// The checksum of `bytes`.
    static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
        var crc = CRC32C()
        crc.update(bytes)
        return crc.value
    }

    /// The checksum of the bytes fed so far.
    var value: UInt32 { ~state }

    /// Feeds bytes.
    mutating func update(_ bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update($0) }
        if done == nil { update(Array(bytes)) }
    }

    /// Feeds the bytes of `buffer`.
    mutating func update(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard var pointer = buffer.baseAddress else { return }
        var remaining = buffer.count
        var crc = state
        CRC32C.tables.withUnsafeBufferPointer { table in
            while remaining >= 8 {
                let low =
                    UInt32(pointer[0]) | UInt32(pointer[1]) &<< 8 | UInt32(pointer[2]) &<< 16
                    | UInt32(pointer[3]) &<< 24
                let one = crc ^ low
                let t7 = table[7 &* 256 &+ Int(one & 0xFF)] ^ table[6 &* 256 &+ Int((one &>> 8) & 0xFF)]
                let t5 = table[5 &* 256 &+ Int((one &>> 16) & 0xFF)] ^ table[4 &* 256 &+ Int(one &>> 24)]
                let t3 = table[3 &* 256 &+ Int(pointer[4])] ^ table[2 &* 256 &+ Int(pointer[5])]
                let t1 = table[1 &* 256 &+ Int(pointer[6])] ^ table[Int(pointer[7])]
                crc = t7 ^ t5 ^ t3 ^ t1
                pointer += 8
                remaining &-= 8
            }
            while remaining > 0 {
                crc = table[Int((crc ^ UInt32(pointer.pointee)) & 0xFF)] ^ (crc &>> 8)
                pointer += 1
                remaining &-= 1
            }
        }
        state = crc
    }

    /// Feeds the eight little-endian bytes of `value`.
    mutating func update(littleEndian value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            update(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: 8))
        }
    }

    /// Table `k` (entries `k*256 ..< (k+1)*256`) advances a byte through `k` further zero bytes.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            tables[byte] = crc
        }
        for byte in 0..<256 {
            var crc = tables[byte]
            for slice in 1..<8 {
                crc = tables[Int(crc & 0xFF)] ^ (crc >> 8)
                tables[slice * 256 + byte] = crc
            }
        }
        return tables
    }()
}
