// SPDX-License-Identifier: Apache-2.0

extension CollectorRequestParser {
    /// The fields of GOFF's `TrackingEvent` (JSON names).
    enum TrackingField: CaseIterable {
        case kind, contextKind, userKey, creationDate, key, evaluationContext, trackingEventDetails

        var jsonName: StaticString {
            switch self {
            case .kind: return "kind"
            case .contextKind: return "contextKind"
            case .userKey: return "userKey"
            case .creationDate: return "creationDate"
            case .key: return "key"
            case .evaluationContext: return "evaluationContext"
            case .trackingEventDetails: return "trackingEventDetails"
            }
        }
    }

    /// Converts one `events` entry as GOFF's `convertTrackingEvent` does: `json.Marshal` of the map (keys
    /// sorted by bytes) then `json.Unmarshal` into `TrackingEvent` (case-insensitive names, so every key matching
    /// a field is applied in sorted order; strict types; the first type error fails the entry), then the
    /// `creationDate` rule.
    static func trackingEvent(from entry: JSONObject) -> Result<TrackingEvent, ConversionFailure> {
        var matches: [(member: JSONObject.Member, field: TrackingField)] = []
        for member in entry.members {
            if let field = TrackingField.allCases.first(where: { GoFold.equalFold(member.key, $0.jsonName) }) {
                matches.append((member, field))
            }
        }
        matches.sort { $0.member.key.utf8.lexicographicallyPrecedes($1.member.key.utf8) }
        var event = TrackingEvent(kind: "", contextKind: "", userKey: "", creationDate: 0, key: "")
        var firstError: String?
        for (member, field) in matches {
            if case .null = member.value {
                if field == .evaluationContext { event.evaluationContext = nil }
                if field == .trackingEventDetails { event.trackingEventDetails = nil }
                continue
            }
            if let problem = assign(member.value, to: field, of: &event), firstError == nil {
                firstError = problem
            }
        }
        if let firstError { return .failure(ConversionFailure(reason: firstError)) }
        event.creationDate = formatCreationDate(event.creationDate)
        return .success(event)
    }

    /// Sets one field with `encoding/json`'s rules; returns the `UnmarshalTypeError` text on mismatch.
    private static func assign(_ value: JSONValue, to field: TrackingField, of event: inout TrackingEvent) -> String? {
        func mismatch(_ what: String, _ goType: String) -> String {
            "json: cannot unmarshal \(what) into Go struct field TrackingEvent.\(field.jsonName) of type \(goType)"
        }
        switch field {
        case .creationDate:
            guard case .number(let d) = value else { return mismatch(value.jsonKindWord, "int64") }
            // The marshalled float64 must parse with strconv.ParseInt: integral and within int64.
            guard d.rounded(.towardZero) == d, d >= -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0
            else {
                var text: [UInt8] = []
                GoJSONEncoder.appendFloat(d, to: &text)
                return mismatch("number " + String(decoding: text, as: UTF8.self), "int64")
            }
            event.creationDate = Int64(d)
        case .evaluationContext, .trackingEventDetails:
            guard case .object(let o) = value else { return mismatch(value.jsonKindWord, "map[string]interface {}") }
            if field == .evaluationContext {
                if event.evaluationContext == nil {
                    event.evaluationContext = o
                } else {
                    event.evaluationContext?.merge(o)
                }
            } else if event.trackingEventDetails == nil {
                event.trackingEventDetails = o
            } else {
                event.trackingEventDetails?.merge(o)
            }
        case .kind, .contextKind, .userKey, .key:
            guard case .string(let s) = value else { return mismatch(value.jsonKindWord, "string") }
            switch field {
            case .kind: event.kind = s
            case .contextKind: event.contextKind = s
            case .userKey: event.userKey = s
            default: event.key = s
            }
        }
        return nil
    }
}
