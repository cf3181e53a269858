// SPDX-License-Identifier: Apache-2.0

import Events
import Testing

/// Request-level behaviour of GOFF's collector (echo binder + handler), including GOFF's own test data
/// (cmd/relayproxy/testdata/goff/collect_eval_data) and answers checked with Go's `json.Decoder`.
@Suite struct CollectorRequestTests {
    static let goffEvent =
        #"{"contextKind":"user","creationDate":1680246000,"default":false,"key":"my-feature-flag","kind":"feature","#
        + #""userKey":"94a25909-20d8-40cc-8500-fee99b569345","value":"string","variation":"admin-variation","#
        + #""version":"v1.0.0"}"#
    static let goffRecord =
        #"{"kind":"feature","contextKind":"user","userKey":"94a25909-20d8-40cc-8500-fee99b569345","#
        + #""creationDate":1680246000,"key":"my-feature-flag","variation":"admin-variation","value":"string","#
        + #""default":false,"version":"v1.0.0","source":"PROVIDER_CACHE""#
    static let goffMeta =
        #"{"environment":"production","sdkVersion":"v1.0.0","source":"my-source","timestamp":1680246000}"#

    @Test func goffValidRequest() throws {
        let batch = try CollectorRequestParser.parse(utf8(#"{"events":["# + Self.goffEvent + "]}"))
        #expect(batch.receivedCount == 1)
        #expect(records(batch) == [Self.goffRecord + "}"])
    }

    @Test func goffRequestWithMetadata() throws {
        let body = #"{"events":["# + Self.goffEvent + #"],"meta":"# + Self.goffMeta + "}"
        let batch = try CollectorRequestParser.parse(utf8(body))
        #expect(records(batch) == [Self.goffRecord + #","metadata":"# + Self.goffMeta + "}"])
    }

    @Test func goffTimestampInMilliseconds() throws {
        let body = #"{"events":["# + Self.goffEvent.replacing("1680246000", with: "1733230547728") + "]}"
        let batch = try CollectorRequestParser.parse(utf8(body))
        #expect(records(batch) == [Self.goffRecord.replacing("1680246000", with: "1733230547") + "}"])
    }

    @Test func goffSourceFieldIsKept() throws {
        let body = #"{"events":["# + Self.goffEvent.replacing("}", with: #","source":"EDGE"}"#) + "]}"
        let batch = try CollectorRequestParser.parse(utf8(body))
        #expect(records(batch) == [Self.goffRecord.replacing("PROVIDER_CACHE", with: "EDGE") + "}"])
    }

    @Test func goffMixOfTrackingAndEvaluation() throws {
        let tracking =
            #"{"kind":"tracking","creationDate":1680246020,"contextKind":"user","#
            + #""userKey":"94a25909-20d8-40cc-8500-fee99b569345","key":"my-feature-flag","#
            + #""evaluationContext":{"targetingKey":"94a25909-20d8-40cc-8500-fee99b569345","name":"john doe","#
            + #""admin":true},"trackingEventDetails":{"value":"string","version":"v1.0.0"}}"#
        let body = #"{"events":["# + Self.goffEvent + "," + tracking + #"],"meta":"# + Self.goffMeta + "}"
        let batch = try CollectorRequestParser.parse(utf8(body))
        #expect(batch.receivedCount == 2)
        #expect(
            records(batch) == [
                Self.goffRecord + #","metadata":"# + Self.goffMeta + "}",
                #"{"kind":"tracking","contextKind":"user","userKey":"94a25909-20d8-40cc-8500-fee99b569345","#
                    + #""creationDate":1680246020,"key":"my-feature-flag","#
                    + #""evaluationContext":{"admin":true,"name":"john doe","#
                    + #""targetingKey":"94a25909-20d8-40cc-8500-fee99b569345"},"#
                    + #""trackingEventDetails":{"value":"string","version":"v1.0.0"}}"#,
            ])
    }

    /// GOFF's invalid_request.json (322 bytes, the `]` is missing) and the message its test expects.
    @Test func goffInvalidRequestMessage() {
        let body = [
            "{", #"  "events": ["#, "    {", #"      "contextKind": "user","#, #"      "creationDate": 1680246000011,"#,
            #"      "default": false,"#, #"      "key": "my-feature-flag","#, #"      "kind": "feature","#,
            #"      "userKey": "94a25909-20d8-40cc-8500-fee99b569345","#, #"      "value": "string","#,
            #"      "variation": "admin-variation","#, #"      "version": "v1.0.0""#, "    }", "}",
        ].joined(separator: "\n")
        #expect(body.utf8.count == 322)
        let error = collectorError(body)
        #expect(error?.code == .malformedJSON)
        #expect(error?.offset == 321)
        #expect(
            error?.message
                == "collectEvalData: invalid input data code=400, message=Syntax error: offset=322, "
                + "error=invalid character '}' after array element, internal=invalid character '}' after array element")
    }

    @Test(arguments: [#"{"events":null}"#, "{}", "null", "null x", "", #"{"meta":{"a":1}}"#])
    func missingEvents(body: String) {
        let error = collectorError(body)
        #expect(error?.code == .missingEvents)
        #expect(error?.message == "collectEvalData: invalid input data")
        #expect(error?.httpStatus == 400)
    }

    @Test func emptyEventsIsValid() throws {
        let batch = try CollectorRequestParser.parse(utf8(#"{"events":[]}"#))
        #expect(batch == CollectorBatch(events: [], receivedCount: 0, skipped: []))
    }

    @Test func whitespaceOnlyIsEOF() {
        let error = collectorError(" \n")
        #expect(error?.code == .emptyInput)
        #expect(error?.message == "collectEvalData: invalid input data code=400, message=EOF, internal=EOF")
    }

    @Test(arguments: [#"{"events":["#, #"{"events":[] "#, #"{"events":[{"key":"a"#])
    func truncatedBodyIsUnexpectedEOF(body: String) {
        let error = collectorError(body)
        #expect(error?.code == .unexpectedEndOfInput)
        #expect(
            error?.message
                == "collectEvalData: invalid input data code=400, message=unexpected EOF, internal=unexpected EOF")
    }

    @Test func bytesAfterTheFirstValueAreIgnoredAsGoDecoderDoes() throws {
        #expect(try CollectorRequestParser.parse(utf8(#"{"events":[]}garbage"#)).receivedCount == 0)
        #expect(try CollectorRequestParser.parse(utf8(#"{"events":[null]} {"events":[1,2]}"#)).receivedCount == 1)
    }

    /// Go's `UnmarshalTypeError`s as echo and GOFF wrap them (type, value, field and offset from Go 1.19's decoder).
    @Test(
        arguments: [
            (
                "[]", "expected=model.CollectEvalDataRequest, got=array, field=, offset=1",
                "json: cannot unmarshal array into Go value of type model.CollectEvalDataRequest"
            ),
            (
                #""x""#, "expected=model.CollectEvalDataRequest, got=string, field=, offset=3",
                "json: cannot unmarshal string into Go value of type model.CollectEvalDataRequest"
            ),
            (
                "1x", "expected=model.CollectEvalDataRequest, got=number, field=, offset=1",
                "json: cannot unmarshal number into Go value of type model.CollectEvalDataRequest"
            ),
            (
                #"{"events":[1]}"#, "expected=map[string]interface {}, got=number, field=events, offset=12",
                "json: cannot unmarshal number into Go struct field CollectEvalDataRequest.events of type map[string]interface {}"
            ),
            (
                #"{"meta":5,"events":[]}"#, "expected=map[string]interface {}, got=number, field=meta, offset=9",
                "json: cannot unmarshal number into Go struct field CollectEvalDataRequest.meta of type map[string]interface {}"
            ),
            (
                #"{"events":{}}"#, "expected=[]map[string]interface {}, got=object, field=events, offset=11",
                "json: cannot unmarshal object into Go struct field CollectEvalDataRequest.events of type []map[string]interface {}"
            ),
            (
                #"{"events":[{"v":1e400}]}"#, "expected=float64, got=number 1e400, field=events, offset=22",
                "json: cannot unmarshal number 1e400 into Go struct field CollectEvalDataRequest.events of type float64"
            ),
            (
                #"{"meta":[],"events":[1]}"#, "expected=map[string]interface {}, got=array, field=meta, offset=9",
                "json: cannot unmarshal array into Go struct field CollectEvalDataRequest.meta of type map[string]interface {}"
            ),
        ] as [(String, String, String)])
    func typeMismatch(body: String, echoText: String, goText: String) {
        let error = collectorError(body)
        #expect(error?.code == .typeMismatch)
        #expect(error?.detail == goText)
        #expect(
            error?.message
                == "collectEvalData: invalid input data code=400, message=Unmarshal type error: \(echoText), "
                + "internal=\(goText)")
    }

    @Test func syntaxErrorWinsOverAnEarlierTypeError() {
        #expect(collectorError(#"{"meta":5,"events":[}"#)?.code == .malformedJSON)
    }

    @Test func numberOverflowInAnUnknownFieldIsIgnored() throws {
        #expect(try CollectorRequestParser.parse(utf8(#"{"x":1e400,"events":[]}"#)).receivedCount == 0)
    }

    @Test func tooDeep() {
        let body =
            #"{"events":[{"value":"# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}]}"
        let error = collectorError(body)
        #expect(error?.code == .tooDeep)
        #expect(error?.message.hasSuffix("error=exceeded max depth, internal=exceeded max depth") == true)
    }

    @Test func fieldNamesAreCaseInsensitive() throws {
        let batch = try CollectorRequestParser.parse(utf8(#"{"META":{"m":1},"Events":[{"KEY":"k"}]}"#))
        #expect(batch.events.first?.key == "k")
        #expect(records(batch).first?.hasSuffix(#""metadata":{"m":1}}"#) == true)
        // U+017F LATIN SMALL LETTER LONG S folds to "s" in Go.
        #expect(try CollectorRequestParser.parse(utf8("{\"event\u{17F}\":[null]}")).receivedCount == 1)
    }

    @Test func repeatedKeysDecodeIntoTheSameGoValues() throws {
        let meta = try CollectorRequestParser.parse(utf8(#"{"meta":{"a":1},"META":{"b":2},"events":[null]}"#))
        #expect(records(meta).first?.hasSuffix(#""metadata":{"a":1,"b":2}}"#) == true)
        let reset = try CollectorRequestParser.parse(
            utf8(#"{"meta":{"a":1},"meta":null,"events":[{"metadata":{"z":0}}]}"#))
        #expect(records(reset).first?.hasSuffix(#""metadata":{"z":0}}"#) == true)
        let events = try CollectorRequestParser.parse(
            utf8(
                #"{"events":[{"key":"a"},{"key":"b"}],"events":[{"userKey":"c"}],"events":[{"variation":"d"},{"value":5}]}"#
            ))
        #expect(events.receivedCount == 2)
        #expect(events.events.map(\.key) == ["a", "b"])
        #expect(events.events.map(\.userKey) == ["c", ""])
    }
}
