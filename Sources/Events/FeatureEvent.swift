// SPDX-License-Identifier: Apache-2.0

/// GOFF's `exporter.FeatureEvent`: one flag evaluation, as written to Kinesis.
///
/// ``appendJSON(to:)`` writes exactly the bytes of Go's `json.Marshal(event)`: fields in struct order,
/// `contextKind` and `metadata` omitted when empty (`omitempty`), no trailing newline. For example
/// `{"kind":"feature","contextKind":"user","userKey":"u-1","creationDate":1755600000,"key":"new-ui",`
/// `"variation":"on","value":true,"default":false,"version":"","source":"SERVER","metadata":{"env":"prod"}}`.
public struct FeatureEvent: Sendable, Equatable {
    /// `"feature"` for relay-generated events; collector events keep what the payload had (possibly `""`).
    public var kind: String
    /// `"user"` or `"anonymousUser"`; omitted from the JSON when empty.
    public var contextKind: String
    /// The evaluation context's targeting key.
    public var userKey: String
    /// Unix time in seconds.
    public var creationDate: Int64
    /// The flag key.
    public var key: String
    /// The variation name, or `"SdkDefault"`.
    public var variation: String
    /// The evaluated value (`.null` when there is none).
    public var value: JSONValue
    /// `true` when the evaluation failed and the caller's default was used.
    public var `default`: Bool
    /// The flag version (may be `""`).
    public var version: String
    /// `SERVER`, `PROVIDER_CACHE`, `INPROCESS`, ...
    public var source: String
    /// Exporter metadata; omitted from the JSON when `nil` or empty.
    public var metadata: JSONObject?

    /// Creates an event; the defaults are those of a relay-evaluated event.
    public init(
        kind: String = "feature",
        contextKind: String = "user",
        userKey: String,
        creationDate: Int64,
        key: String,
        variation: String,
        value: JSONValue,
        default: Bool = false,
        version: String = "",
        source: String = "SERVER",
        metadata: JSONObject? = nil
    ) {
        self.kind = kind
        self.contextKind = contextKind
        self.userKey = userKey
        self.creationDate = creationDate
        self.key = key
        self.variation = variation
        self.value = value
        self.default = `default`
        self.version = version
        self.source = source
        self.metadata = metadata
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
        GoJSONEncoder.appendRaw(",\"variation\":", to: &out)
        GoJSONEncoder.appendString(variation, to: &out)
        GoJSONEncoder.appendRaw(",\"value\":", to: &out)
        GoJSONEncoder.append(value, to: &out)
        GoJSONEncoder.appendRaw(self.default ? ",\"default\":true" : ",\"default\":false", to: &out)
        GoJSONEncoder.appendRaw(",\"version\":", to: &out)
        GoJSONEncoder.appendString(version, to: &out)
        GoJSONEncoder.appendRaw(",\"source\":", to: &out)
        GoJSONEncoder.appendString(source, to: &out)
        if let metadata, !metadata.isEmpty {
            GoJSONEncoder.appendRaw(",\"metadata\":", to: &out)
            GoJSONEncoder.appendObject(metadata, to: &out)
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
