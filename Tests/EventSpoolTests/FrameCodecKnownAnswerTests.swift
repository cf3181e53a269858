// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import EventSpool

/// The frame layout written field by field (the encoder as it was before it wrote through a pointer).
private func referenceFrame(_ record: ExportRecord, sequence: UInt64) -> [UInt8] {
    func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    let partition = Array(record.partitionKey.utf8)
    let event = Array(record.eventKey.utf8)
    let body =
        bytes(record.acceptedAtNanos) + bytes(UInt32(partition.count)) + bytes(UInt32(event.count)) + partition
        + event + record.data + bytes(sequence)
    let length = bytes(UInt32(body.count))
    return length + bytes(CRC32C.checksum(length + body)) + body
}

@Test func encodedFramesMatchTheLayoutByteForByte() throws {
    let records = (0..<40).map { index in
        ExportRecord(
            data: (0..<index * 7).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) },
            partitionKey: String(repeating: "k", count: index % 5) + (index % 3 == 0 ? "é" : ""),
            eventKey: index % 4 == 0 ? "" : "flag-\(index)-with-a-longer-name",
            acceptedAtNanos: UInt64(index) &* 0x0123_4567_89AB)
    }
    var batch = try FrameCodec.encode(records)
    batch.seal(firstSequence: 1_000)
    let expected = records.enumerated().flatMap { referenceFrame($1, sequence: 1_000 + UInt64($0)) }
    #expect(batch.bytes == expected)
    #expect(batch.frames.count == records.count)
    #expect(batch.kinesisBytes == records.reduce(0) { $0 + $1.kinesisSize })
}
