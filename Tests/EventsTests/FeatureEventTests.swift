// SPDX-License-Identifier: Apache-2.0

import Events
import Testing

/// Bytes of Go's `json.Marshal(exporter.FeatureEvent{...})`.
@Suite struct FeatureEventTests {
    @Test func specExample() {
        let event = FeatureEvent(
            userKey: "u-1", creationDate: 1_755_600_000, key: "new-ui", variation: "on", value: true,
            metadata: ["provider": "js", "env": "prod"])
        #expect(
            String(decoding: event.jsonBytes(), as: UTF8.self)
                == #"{"kind":"feature","contextKind":"user","userKey":"u-1","creationDate":1755600000,"key":"new-ui","#
                + #""variation":"on","value":true,"default":false,"version":"","source":"SERVER","#
                + #""metadata":{"env":"prod","provider":"js"}}"#)
    }

    @Test func omitEmptyContextKindAndMetadata() {
        let event = FeatureEvent(
            kind: "", contextKind: "", userKey: "", creationDate: 0, key: "", variation: "", value: nil,
            default: true, version: "", source: "PROVIDER_CACHE", metadata: [:])
        #expect(
            String(decoding: event.jsonBytes(), as: UTF8.self)
                == #"{"kind":"","userKey":"","creationDate":0,"key":"","variation":"","value":null,"default":true,"#
                + #""version":"","source":"PROVIDER_CACHE"}"#)
    }

    @Test func stringsAreEscapedAsGo() {
        let event = FeatureEvent(
            contextKind: "anonymousUser", userKey: "<script>&\"\u{2028}", creationDate: -5, key: "é😀\n",
            variation: "SdkDefault", value: ["html": "a<b", "n": 0.1, "big": 1e21, "small": 1e-7, "i": 100],
            version: "v1.0.0", source: "INPROCESS")
        #expect(
            String(decoding: event.jsonBytes(), as: UTF8.self)
                == #"{"kind":"feature","contextKind":"anonymousUser","userKey":"\u003cscript\u003e\u0026\"\u2028","#
                + #""creationDate":-5,"key":"é😀\n","variation":"SdkDefault","#
                + #""value":{"big":1e+21,"html":"a\u003cb","i":100,"n":0.1,"small":1e-7},"default":false,"#
                + #""version":"v1.0.0","source":"INPROCESS"}"#)
    }

    @Test func metadataKeysAreSortedAndNested() {
        let event = FeatureEvent(
            userKey: "u", creationDate: 1, key: "k", variation: "v", value: -0.0,
            metadata: ["z": ["b": 1, "a": [true]], "A": nil, "m": .number(Double("12345678901234567890") ?? 0)])
        #expect(
            String(decoding: event.jsonBytes(), as: UTF8.self)
                == #"{"kind":"feature","contextKind":"user","userKey":"u","creationDate":1,"key":"k","variation":"v","#
                + #""value":-0,"default":false,"version":"","source":"SERVER","#
                + #""metadata":{"A":null,"m":12345678901234567000,"z":{"a":[true],"b":1}}}"#)
    }

    @Test func appendJSONAppendsWithoutNewline() {
        var out = utf8("[")
        let event = FeatureEvent(userKey: "u", creationDate: 1, key: "k", variation: "v", value: "x")
        ExportEvent.feature(event).appendJSON(to: &out)
        #expect(out.last == UInt8(ascii: "}"))
        #expect(Array(out.dropFirst()) == event.jsonBytes())
    }

    @Test func exportEventAccessors() {
        let event = ExportEvent.feature(
            FeatureEvent(userKey: "user-9", creationDate: 42, key: "flag-a", variation: "on", value: true))
        #expect(event.userKey == "user-9")
        #expect(event.key == "flag-a")
        #expect(event.creationDate == 42)
    }
}
