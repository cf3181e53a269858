// SPDX-License-Identifier: Apache-2.0

import Events
import Testing

/// Bytes of Go's `json.Marshal(exporter.TrackingEvent{...})`.
@Suite struct TrackingEventTests {
    @Test func fullEvent() {
        let event = TrackingEvent(
            userKey: "94a25909", creationDate: 1_680_246_020, key: "my-feature-flag",
            evaluationContext: ["targetingKey": "94a25909", "name": "john doe", "admin": true],
            trackingEventDetails: ["value": "string", "version": "v1.0.0"])
        #expect(
            String(decoding: event.jsonBytes(), as: UTF8.self)
                == #"{"kind":"tracking","contextKind":"user","userKey":"94a25909","creationDate":1680246020,"#
                + #""key":"my-feature-flag","evaluationContext":{"admin":true,"name":"john doe","targetingKey":"94a25909"},"#
                + #""trackingEventDetails":{"value":"string","version":"v1.0.0"}}"#)
    }

    @Test func absentMapsAreNullAndEmptyContextKindIsOmitted() {
        let event = TrackingEvent(contextKind: "", userKey: "u", creationDate: 0, key: "checkout")
        #expect(
            String(decoding: event.jsonBytes(), as: UTF8.self)
                == #"{"kind":"tracking","userKey":"u","creationDate":0,"key":"checkout","evaluationContext":null,"#
                + #""trackingEventDetails":null}"#)
    }

    @Test func emptyMapsAreWrittenAsEmptyObjects() {
        let event = TrackingEvent(
            userKey: "u", creationDate: 1, key: "k", evaluationContext: [:], trackingEventDetails: ["<": 0.5])
        #expect(
            String(decoding: event.jsonBytes(), as: UTF8.self)
                == #"{"kind":"tracking","contextKind":"user","userKey":"u","creationDate":1,"key":"k","#
                + #""evaluationContext":{},"trackingEventDetails":{"\u003c":0.5}}"#)
    }

    @Test func exportEventAccessors() {
        let event = ExportEvent.tracking(TrackingEvent(userKey: "user-3", creationDate: 7, key: "purchase"))
        #expect(event.userKey == "user-3")
        #expect(event.key == "purchase")
        #expect(event.jsonBytes() == TrackingEvent(userKey: "user-3", creationDate: 7, key: "purchase").jsonBytes())
    }
}
