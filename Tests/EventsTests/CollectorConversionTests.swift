// SPDX-License-Identifier: Apache-2.0

import Events
import Testing

/// Per-event conversion rules of GOFF's collector handler (mapstructure for feature events, a JSON round trip for
/// tracking events).
@Suite struct CollectorConversionTests {
    /// Parses `{"meta": meta, "events": [entry]}`.
    func convert(_ entry: String, meta: String? = nil) throws -> CollectorBatch {
        let metaPart = meta.map { #""meta":\#($0),"# } ?? ""
        return try CollectorRequestParser.parse(utf8("{\(metaPart)\"events\":[\(entry)]}"))
    }

    func record(_ entry: String, meta: String? = nil) throws -> String? {
        records(try convert(entry, meta: meta)).first
    }

    func skipReason(_ entry: String) throws -> String? {
        let batch = try convert(entry)
        #expect(batch.receivedCount == 1)
        #expect(batch.events.isEmpty)
        return batch.skipped.first?.reason
    }

    @Test func nullEntryBecomesAnEmptyFeatureEvent() throws {
        #expect(
            try record("null", meta: #"{"p":"x"}"#)
                == #"{"kind":"","userKey":"","creationDate":0,"key":"","variation":"","value":null,"default":false,"#
                + #""version":"","source":"PROVIDER_CACHE","metadata":{"p":"x"}}"#)
    }

    @Test func missingKindIsAFeatureEvent() throws {
        #expect(
            try record(#"{"key":"f","value":[1,{"b":2,"a":1}],"source":""}"#)
                == #"{"kind":"","userKey":"","creationDate":0,"key":"f","variation":"","value":[1,{"a":1,"b":2}],"#
                + #""default":false,"version":"","source":"PROVIDER_CACHE"}"#)
    }

    @Test func metaReplacesMetadataEvenWhenEmpty() throws {
        let entry = #"{"kind":"feature","metadata":{"own":1}}"#
        #expect(try record(entry)?.hasSuffix(#""metadata":{"own":1}}"#) == true)
        #expect(try record(entry, meta: "null")?.hasSuffix(#""metadata":{"own":1}}"#) == true)
        #expect(try record(entry, meta: #"{"m":true}"#)?.hasSuffix(#""metadata":{"m":true}}"#) == true)
        #expect(try record(entry, meta: "{}")?.hasSuffix(#""source":"PROVIDER_CACHE"}"#) == true)
    }

    @Test func creationDateRules() throws {
        func date(_ literal: String) throws -> Int64? {
            try convert(#"{"creationDate":\#(literal)}"#).events.first?.creationDate
        }
        #expect(try date("1733230547728") == 1_733_230_547)
        #expect(try date("9999999999") == 9_999_999_999)
        #expect(try date("10000000000") == 1_000_000_000)
        #expect(try date("1795638562.9") == 1_795_638_562)
        #expect(try date("-1.9") == -1)
        #expect(try date("1e300") == Int64.min)
        #expect(try date("null") == 0)
    }

    @Test func strictTypesSkipTheEventButCountIt() throws {
        #expect(
            try skipReason(#"{"version":1}"#)
                == "decoding failed due to the following error(s):\n\n"
                + "'Version' expected type 'string', got unconvertible type 'float64'")
        #expect(
            try skipReason(#"{"default":"true","creationDate":"1","metadata":[]}"#)
                == "decoding failed due to the following error(s):\n\n"
                + "'CreationDate' expected type 'int64', got unconvertible type 'string'\n"
                + "'Default' expected type 'bool', got unconvertible type 'string'\n"
                + "'Metadata' expected type 'map[string]interface {}', got unconvertible type '[]interface {}'")
        let batch = try CollectorRequestParser.parse(utf8(#"{"events":[{"key":"a"},{"key":true},{"key":"c"}]}"#))
        #expect(batch.receivedCount == 3)
        #expect(batch.events.map(\.key) == ["a", "c"])
        #expect(batch.skipped.map(\.index) == [1])
    }

    @Test func versionNullIsEmpty() throws {
        #expect(try convert(#"{"version":null,"value":null}"#).skipped.isEmpty)
    }

    @Test func featureFieldsMatchCaseInsensitivelyAndTheGoNameWins() throws {
        let event = try convert(#"{"KIND":"x","USERKEY":"u","creationdate":5,"VaRiAtIoN":"v","Source":"S"}"#)
        #expect(
            records(event) == [
                #"{"kind":"x","userKey":"u","creationDate":5,"key":"","variation":"v","value":null,"default":false,"#
                    + #""version":"","source":"S"}"#
            ])
        #expect(try convert(#"{"kind":"a","Kind":"b"}"#).events.first.map(kindOf) == "b")
        #expect(try convert(#"{"Kind":"b","kind":"a"}"#).events.first.map(kindOf) == "b")
        // U+212A KELVIN SIGN folds to "k" in Go.
        #expect(try convert("{\"\u{212A}ey\":\"kelvin\"}").events.first?.key == "kelvin")
    }

    func kindOf(_ event: ExportEvent) -> String {
        switch event {
        case .feature(let e): return e.kind
        case .tracking(let e): return e.kind
        }
    }

    @Test func onlyTheExactKindKeyTracking() throws {
        #expect(try convert(#"{"Kind":"tracking"}"#).events.first == .feature(feature(kind: "tracking")))
        #expect(try convert(#"{"kind":"TRACKING"}"#).events.first == .feature(feature(kind: "TRACKING")))
    }

    func feature(kind: String) -> FeatureEvent {
        FeatureEvent(
            kind: kind, contextKind: "", userKey: "", creationDate: 0, key: "", variation: "", value: nil,
            version: "", source: "PROVIDER_CACHE")
    }

    @Test func trackingEventIgnoresMetaAndSource() throws {
        #expect(
            try record(#"{"kind":"tracking","key":"buy","source":"X","metadata":{"a":1}}"#, meta: #"{"m":1}"#)
                == #"{"kind":"tracking","userKey":"","creationDate":0,"key":"buy","evaluationContext":null,"#
                + #""trackingEventDetails":null}"#)
    }

    @Test func trackingCreationDate() throws {
        #expect(
            try convert(#"{"kind":"tracking","creationDate":1733230547728}"#).events.first?.creationDate
                == 1_733_230_547)
        #expect(
            try skipReason(#"{"kind":"tracking","creationDate":1.5}"#)
                == "json: cannot unmarshal number 1.5 into Go struct field TrackingEvent.creationDate of type int64")
        #expect(
            try skipReason(#"{"kind":"tracking","creationDate":1e19}"#)
                == "json: cannot unmarshal number 10000000000000000000 into Go struct field TrackingEvent.creationDate "
                + "of type int64")
        #expect(
            try skipReason(#"{"kind":"tracking","creationDate":"1"}"#)
                == "json: cannot unmarshal string into Go struct field TrackingEvent.creationDate of type int64")
    }

    @Test func trackingTypeErrors() throws {
        #expect(
            try skipReason(#"{"kind":"tracking","evaluationContext":[1]}"#)
                == "json: cannot unmarshal array into Go struct field TrackingEvent.evaluationContext of type "
                + "map[string]interface {}")
        #expect(
            try skipReason(#"{"kind":"tracking","userKey":false,"key":1}"#)
                == "json: cannot unmarshal number into Go struct field TrackingEvent.key of type string")
    }

    @Test func trackingKeysApplyInSortedOrder() throws {
        // Marshalled keys sort by bytes (upper case first), the last one applied wins; variants of a map merge.
        let batch = try convert(
            #"{"key":"lower","Key":"upper","kind":"tracking","evaluationContext":{"a":1},"EvaluationContext":{"b":2,"a":0},"#
                + #""trackingEventDetails":{"x":1},"TRACKINGEVENTDETAILS":null}"#)
        #expect(
            records(batch) == [
                #"{"kind":"tracking","userKey":"","creationDate":0,"key":"lower","evaluationContext":{"a":1,"b":2},"#
                    + #""trackingEventDetails":{"x":1}}"#
            ])
    }

    @Test func trackingEmptyMapsStayEmptyObjects() throws {
        #expect(
            try record(
                #"{"kind":"tracking","contextKind":"anonymousUser","evaluationContext":{},"trackingEventDetails":null}"#
            )
                == #"{"kind":"tracking","contextKind":"anonymousUser","userKey":"","creationDate":0,"key":"","#
                + #""evaluationContext":{},"trackingEventDetails":null}"#)
    }

    @Test func formatCreationDate() {
        #expect(CollectorRequestParser.formatCreationDate(1_680_246_000_011) == 1_680_246_000)
        #expect(CollectorRequestParser.formatCreationDate(Int64.max) == 9_223_372_036)
        #expect(CollectorRequestParser.formatCreationDate(-99_999_999_999) == -99_999_999_999)
    }
}
