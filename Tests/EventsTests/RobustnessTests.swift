// SPDX-License-Identifier: Apache-2.0

import Events
import Testing

/// Every one-byte mutation of a real collector body must parse or fail cleanly, and whatever parses must
/// re-encode to a document that parses back to the same value (Go's encoding is a fixed point).
@Suite struct RobustnessTests {
    static let replacements: [UInt8] = [
        0x00, 0x22, 0x2C, 0x3A, 0x5B, 0x5D, 0x7B, 0x7D, 0x5C, 0x30, 0x65, 0x2D, 0x80, 0xC5, 0xE2, 0xFF,
    ]

    @Test func singleByteMutationsOfASDKBody() throws {
        let body = utf8(CollectorSDKCaptureTests.maxPendingFlushBody)
        var parsed = 0
        var rejected = 0
        for position in body.indices {
            for replacement in Self.replacements where body[position] != replacement {
                var mutated = body
                mutated[position] = replacement
                switch Result(catching: { () throws(CollectorParseError) in try CollectorRequestParser.parse(mutated) })
                {
                case .success(let batch):
                    parsed += 1
                    #expect(batch.receivedCount == batch.events.count + batch.skipped.count)
                case .failure(let error):
                    rejected += 1
                    #expect(error.message.hasPrefix("collectEvalData: invalid input data"))
                }
                if let value = try? JSONParser.parse(mutated) {
                    let encoded = GoJSONEncoder().encode(value)
                    let again = try JSONParser.parse(encoded)
                    #expect(again == value)
                    #expect(GoJSONEncoder().encode(again) == encoded)
                }
            }
        }
        #expect(parsed > 0)
        #expect(rejected > 0)
    }
}
