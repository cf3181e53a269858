// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import EventSpool

@Test func crc32cMatchesTheStandardCheckValue() {
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    #expect(CRC32C.checksum([UInt8]()) == 0)
}

@Test func crc32cMatchesTheISCSIVectors() {
    // RFC 3720, appendix B.4.
    #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
    #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
    #expect(CRC32C.checksum((0..<32).reversed().map { UInt8($0) }) == 0x113F_DB5C)
}

@Test func crc32cFedInPiecesEqualsOneShot() {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    for split in [0, 1, 7, 8, 9, 500, 999, 1000] {
        var crc = CRC32C()
        crc.update(bytes[0..<split])
        crc.update(bytes[split...])
        #expect(crc.value == CRC32C.checksum(bytes), "split at \(split)")
    }
    var crc = CRC32C()
    crc.update(littleEndian: 0x0102_0304_0506_0708)
    #expect(crc.value == CRC32C.checksum([8, 7, 6, 5, 4, 3, 2, 1]))
}
