// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import EventSpool

private func sealed(_ records: [ExportRecord], first: UInt64) throws -> [UInt8] {
    var batch = try FrameCodec.encode(records)
    batch.seal(firstSequence: first)
    return batch.bytes
}

@Test func framesRoundTripWithTheirSequences() throws {
    let records = [
        record("{\"a\":1}", key: "user-1", event: "my-flag", acceptedAt: 42),
        record("", key: "", event: ""),
        ExportRecord(data: [0, 255, 10, 13], partitionKey: "clé", eventKey: "évènement", acceptedAtNanos: .max),
    ]
    let bytes = try sealed(records, first: 7)
    var decoded: [LoggedRecord] = []
    bytes.withUnsafeBytes { raw in
        var offset = 0
        var expected: UInt64 = 7
        while offset < raw.count {
            guard case .frame(let info) = FrameCodec.inspect(raw, at: offset, expectedSequence: expected) else {
                Issue.record("frame at \(offset) did not decode")
                return
            }
            #expect(info.kinesisSize == records[decoded.count].kinesisSize)
            decoded.append(
                LoggedRecord(sequence: info.sequence, record: FrameCodec.record(raw, at: offset, info: info)))
            offset += info.frameBytes
            expected += 1
        }
    }
    #expect(decoded.map(\.sequence) == [7, 8, 9])
    #expect(decoded.map(\.record) == records)
}

@Test func everyFlippedByteOfAFrameIsDetected() throws {
    let original = try sealed([record("payload", key: "k", event: "e", acceptedAt: 3)], first: 1)
    for offset in original.indices {
        var damaged = original
        damaged[offset] ^= 0x01
        let inspection = damaged.withUnsafeBytes { FrameCodec.inspect($0, at: 0, expectedSequence: 1) }
        if case .frame = inspection { Issue.record("a flipped bit at \(offset) went unnoticed") }
    }
}

@Test func cutFramesAreIncompleteAndZerosAreNotFrames() throws {
    let frame = try sealed([record("abc")], first: 1)
    let cut = Array(frame.dropLast(3))
    #expect(cut.withUnsafeBytes { FrameCodec.inspect($0, at: 0, expectedSequence: 1) } == .incomplete(frameBytes: 41))
    let header = Array(frame.prefix(5))
    #expect(header.withUnsafeBytes { FrameCodec.inspect($0, at: 0, expectedSequence: 1) } == .incomplete(frameBytes: 0))
    let zeros = [UInt8](repeating: 0, count: 64)
    guard case .corrupt = zeros.withUnsafeBytes({ FrameCodec.inspect($0, at: 0, expectedSequence: 1) }) else {
        Issue.record("zero bytes passed for a frame")
        return
    }
}

@Test func aValidFrameWithTheWrongSequenceIsRejected() throws {
    let frame = try sealed([record("abc")], first: 5)
    guard case .corrupt(let reason) = frame.withUnsafeBytes({ FrameCodec.inspect($0, at: 0, expectedSequence: 6) })
    else {
        Issue.record("a stale frame was accepted")
        return
    }
    #expect(reason.contains("sequence 5"))
    #expect(frame.count == frameBytes(dataBytes: 3))
}

@Test func cursorFileRoundTripsAndRejectsDamage() throws {
    let set = AcknowledgedSet(cursor: 17, ranges: [20...25, 40...1_000_000])
    let bytes = CursorFile.encode(set)
    #expect(CursorFile.decode(bytes) == set)
    for offset in bytes.indices {
        var damaged = bytes
        damaged[offset] ^= 0x10
        #expect(CursorFile.decode(damaged) == nil, "damage at \(offset)")
    }
    #expect(CursorFile.decode(Array(bytes.dropLast())) == nil)
}
