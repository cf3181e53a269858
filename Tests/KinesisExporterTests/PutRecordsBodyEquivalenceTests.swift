// SPDX-License-Identifier: Apache-2.0

import EventSpool
import Foundation
import Testing

@testable import KinesisExporter

/// Deterministic pseudo-random bytes (SplitMix64), so failures reproduce.
struct SeededBytes {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }
}

@Test(arguments: 0...40)
func base64OfEveryShortLengthMatchesFoundation(length: Int) {
    var random = SeededBytes(seed: UInt64(length) + 1)
    let bytes = random.bytes(length)
    var output: [UInt8] = [1, 2]  // appends after what is there
    Base64.append(bytes, to: &output)
    #expect(Array(output.prefix(2)) == [1, 2])
    #expect(String(decoding: output.dropFirst(2), as: UTF8.self) == Data(bytes).base64EncodedString())
    #expect(output.count - 2 == Base64.encodedLength(length))
}

@Test func base64OfLongRandomInputsMatchesFoundation() {
    var random = SeededBytes(seed: 7)
    for length in [299, 300, 301, 4096, 65_537] {
        let bytes = random.bytes(length)
        var output: [UInt8] = []
        Base64.append(bytes, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == Data(bytes).base64EncodedString(), "length \(length)")
    }
}

@Test func requestBodiesOfEveryShortRecordLengthMatchThePreviousEncoder() {
    var random = SeededBytes(seed: 42)
    let records = (0...20).map { length in
        ExportRecord(data: random.bytes(length), partitionKey: "user-\(length)", eventKey: "flag")
    }
    for target in [KinesisStreamTarget.name("flag-events"), .arn("arn:aws:kinesis:eu-west-1:1:stream/s")] {
        for hashKey in [nil, "170141183460469231731687303715884105728"] {
            let body = PutRecordsRequestBody.encode(target: target, records: records, explicitHashKey: hashKey)
            let legacy = LegacyPutRecordsCodec.body(target: target, records: records, explicitHashKey: hashKey)
            #expect(body == legacy, "\(target) \(hashKey ?? "no hash key")")
        }
    }
}

@Test func requestBodiesWithEscapedKeysAndNamesMatchThePreviousEncoder() {
    var random = SeededBytes(seed: 3)
    let keys = ["", "\"", "\\", "a\"b\\c\u{1}é", "\u{0}\u{1F}\u{7F}", "日本語🙂", "tab\there\nnew\rline", "/slash/"]
    let records = keys.enumerated().map { index, key in
        ExportRecord(data: random.bytes(index * 37 % 301), partitionKey: key, eventKey: "e")
    }
    let target = KinesisStreamTarget.name("stream \"quoted\" \\ \u{2}")
    let body = PutRecordsRequestBody.encode(target: target, records: records, explicitHashKey: "h\"k")
    #expect(body == LegacyPutRecordsCodec.body(target: target, records: records, explicitHashKey: "h\"k"))
}

@Test func aBatchOfRealisticRecordsMatchesThePreviousEncoderAndItsComputedSize() {
    var random = SeededBytes(seed: 500)
    let records = (0..<500).map { index in
        ExportRecord(data: random.bytes(250 + index % 100), partitionKey: "user-\(index % 97)", eventKey: "f")
    }
    let body = PutRecordsRequestBody.encode(target: .name("flag-events"), records: records)
    #expect(body == LegacyPutRecordsCodec.body(target: .name("flag-events"), records: records, explicitHashKey: nil))
    #expect(
        body.count == PutRecordsRequestBody.encodedSize(target: .name("flag-events"), records: records, hashKeyBytes: 0)
    )
}

@Test func anEmptyBatchStillEncodesAValidBody() {
    let body = PutRecordsRequestBody.encode(target: .name("s"), records: [])
    #expect(String(decoding: body, as: UTF8.self) == #"{"StreamName":"s","Records":[]}"#)
}
