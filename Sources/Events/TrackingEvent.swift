// SPDX-License-Identifier: Apache-2.0

/// GOFF's `exporter.TrackingEvent`: one custom tracking event sent by a provider.
///
/// ``appendJSON(to:)`` writes exactly the bytes of Go's `json.Marshal(event)`: `contextKind` omitted when
/// empty, `evaluationContext` and `trackingEventDetails` written as `null` when absent (no `omitempty`),
/// no trailing newline.
public struct TrackingEvent: Sendable, Equatable {
    /// `"tracking"`.
    public var kind: String
    /// `"user"` or `"anonymousUser"`; omitted from the JSON when empty.
    public var contextKind: String
    /// The evaluation context's targeting key.
    public var userKey: String
    /// Unix time in seconds.
    public var creationDate: Int64
    /// The tracking event name.
    public var key: String
    /// The evaluation context; `nil` is written as `null`.
    public var evaluationContext: JSONObject?
    /// The event details; `nil` is written as `null`.
    public var trackingEventDetails: JSONObject?

    /// Creates an event.
    public init(
        kind: String = "tracking",
        contextKind: String = "user",
        userKey: String,
        creationDate: Int64,
        key: String,
        evaluationContext: JSONObject? = nil,
        trackingEventDetails: JSONObject? = nil
    ) {
        self.kind = kind
        self.contextKind = contextKind
        self.userKey = userKey
        self.creationDate = creationDate
        self.key = key
        self.evaluationContext = evaluationContext
        self.trackingEventDetails = trackingEventDetails
    }

    /// Appends Go's `json.Marshal` encoding of this event to `out` (no trailing newline).
    public func appendJSON(to out: inout [UInt8]) {
        GoJSONEncoder.appendRaw("{\"kind\":", to: &out)
        GoJSONEncoder.appendString(kind, to: &out)
        if !contextKind.isEmpty {
            GoJSONEncoder.appendRaw(",\"contextKind\":", to: &out)
            GoJSONEncoder.appendString(contextKind, to: &out)
        }
        GoJSONEncoder.appendRaw(",\"userKey\":", to: &out)
        GoJSONEncoder.appendString(userKey, to: &out)
        GoJSONEncoder.appendRaw(",\"creationDate\":", to: &out)
        GoJSONEncoder.appendInt(creationDate, to: &out)
        GoJSONEncoder.appendRaw(",\"key\":", to: &out)
        GoJSONEncoder.appendString(key, to: &out)
        GoJSONEncoder.appendRaw(",\"evaluationContext\":", to: &out)
        if let evaluationContext {
            GoJSONEncoder.appendObject(evaluationContext, to: &out)
        } else {
            GoJSONEncoder.appendRaw("null", to: &out)
        }
        GoJSONEncoder.appendRaw(",\"trackingEventDetails\":", to: &out)
        if let trackingEventDetails {
            GoJSONEncoder.appendObject(trackingEventDetails, to: &out)
        } else {
            GoJSONEncoder.appendRaw("null", to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Go's `json.Marshal` encoding of this event (no trailing newline).
    public func jsonBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(192)
        appendJSON(to: &out)
        return out
    }
}
