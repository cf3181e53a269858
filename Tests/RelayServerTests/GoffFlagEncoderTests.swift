// SPDX-License-Identifier: Apache-2.0

import Events
import RelayServer
import Testing

/// Known answers worked out from GOFF's `InternalFlag` struct and Go's `encoding/json` rules.
@Suite struct GoffFlagEncoderTests {
    private func encoded(_ json: String) throws -> String {
        guard case .object(let object) = try JSONParser.parse(json) else {
            Issue.record("not an object: \(json)")
            return ""
        }
        return String(decoding: GoffFlagEncoder.encode(object), as: UTF8.self)
    }

    @Test func fieldsComeInStructOrderAndUnknownKeysAreDropped() throws {
        let input = #"""
            {"metadata":{"z":1,"a":"x"},"version":"1.0","Disable":false,"unknown":1,
             "defaultRule":{"percentage":{"b":50,"a":50.0}},"variations":{"on":true,"off":false},
             "targeting":[{"variation":"on","query":"key eq \"a\"","name":"r1","extra":[1]}],
             "trackEvents":false,"bucketingKey":"teamId"}
            """#
        let expected =
            #"{"variations":{"off":false,"on":true},"#
            + #""targeting":[{"name":"r1","query":"key eq \"a\"","variation":"on"}],"bucketingKey":"teamId","#
            + #""defaultRule":{"percentage":{"a":50,"b":50}},"trackEvents":false,"disable":false,"version":"1.0","#
            + #""metadata":{"a":"x","z":1}}"#
        #expect(try encoded(input) == expected)
    }

    @Test func nullFieldsAreOmittedEmptyOnesKept() throws {
        #expect(
            try encoded(#"{"variations":{"a":1},"targeting":[],"metadata":null,"defaultRule":{},"version":null}"#)
                == #"{"variations":{"a":1},"targeting":[],"defaultRule":{}}"#)
        #expect(try encoded(#"{"targeting":[null]}"#) == #"{"targeting":[{}]}"#)
    }

    @Test func datesAreMarshalledAsGoTime() throws {
        let input = #"""
            {"experimentation":{"end":"2024-02-01T10:00:00+02:00","start":"2024-01-01T00:00:00.500000000+00:00"},
             "defaultRule":{"progressiveRollout":{"end":{"date":"2024-01-02T00:00:00.123Z","percentage":100,"variation":"on"},
             "initial":{"variation":"off","date":"2024-01-01T00:00:00-00:00"}}}}
            """#
        let expected =
            #"{"defaultRule":{"progressiveRollout":{"#
            + #""initial":{"variation":"off","date":"2024-01-01T00:00:00Z"},"#
            + #""end":{"variation":"on","percentage":100,"date":"2024-01-02T00:00:00.123Z"}}},"#
            + #""experimentation":{"start":"2024-01-01T00:00:00.5Z","end":"2024-02-01T10:00:00+02:00"}}"#
        #expect(try encoded(input) == expected)
    }

    @Test func scheduledStepsAreFlagFieldsThenDate() throws {
        let input =
            #"{"scheduledRollout":[{"date":"2024-01-01T00:00:00Z","version":"2","defaultRule":{"variation":"on"}}]}"#
        #expect(
            try encoded(input)
                == #"{"scheduledRollout":[{"defaultRule":{"variation":"on"},"version":"2","date":"2024-01-01T00:00:00Z"}]}"#
        )
    }

    @Test func repeatedKeysMergeStructsAndMapsAndReplaceScalars() throws {
        #expect(
            try encoded(#"{"defaultRule":{"variation":"a"},"DefaultRule":{"name":"n"}}"#)
                == #"{"defaultRule":{"name":"n","variation":"a"}}"#)
        #expect(try encoded(#"{"variations":{"a":1,"b":2},"VARIATIONS":{"a":3}}"#) == #"{"variations":{"a":3,"b":2}}"#)
        #expect(try encoded(#"{"defaultRule":{"variation":"a"},"defaultrule":null}"#) == #"{}"#)
        #expect(try encoded(#"{"version":"1","VERSION":"2"}"#) == #"{"version":"2"}"#)
    }

    @Test func keysFoldLikeGo() throws {
        // U+212A KELVIN SIGN folds to k, U+017F LATIN SMALL LETTER LONG S to s.
        #expect(
            try encoded("{\"bucketing\u{212A}ey\":\"org\",\"ver\u{17F}ion\":\"v\"}")
                == #"{"bucketingKey":"org","version":"v"}"#)
        #expect(try encoded(#"{"bucketingKeys":"x"}"#) == #"{}"#)
    }

    @Test func numbersAndStringsAreGoEncoded() throws {
        #expect(
            try encoded(#"{"variations":{"big":1e21,"small":0.000001,"tiny":1e-7,"html":"<a&b>"}}"#)
                == #"{"variations":{"big":1e+21,"html":"\u003ca\u0026b\u003e","small":0.000001,"tiny":1e-7}}"#)
    }
}
