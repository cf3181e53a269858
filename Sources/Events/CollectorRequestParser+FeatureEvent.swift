// SPDX-License-Identifier: Apache-2.0

extension CollectorRequestParser {
    /// The fields of GOFF's `FeatureEvent` as mapstructure sees them (Go field names, struct order).
    enum FeatureField: Int, CaseIterable {
        case kind, contextKind, userKey, creationDate, key, variation, value, isDefault, version, source, metadata

        var goName: StaticString {
            switch self {
            case .kind: return "Kind"
            case .contextKind: return "ContextKind"
            case .userKey: return "UserKey"
            case .creationDate: return "CreationDate"
            case .key: return "Key"
            case .variation: return "Variation"
            case .value: return "Value"
            case .isDefault: return "Default"
            case .version: return "Version"
            case .source: return "Source"
            case .metadata: return "Metadata"
            }
        }
    }

    /// Converts one `events` entry as GOFF's `convertFeatureEvent` does (`mapstructure.Decode` with its default
    /// configuration, then the `source`, `meta` and `creationDate` rules).
    ///
    /// mapstructure looks a field up by its exact Go name first, then by `strings.EqualFold` over the map in
    /// Go's random iteration order; here the first matching key in document order is used instead.
    static func featureEvent(from entry: JSONObject, meta: JSONObject?) -> Result<FeatureEvent, ConversionFailure> {
        let members = entry.members
        var chosen = [Int](repeating: -1, count: FeatureField.allCases.count)
        var exact = [Bool](repeating: false, count: FeatureField.allCases.count)
        for (i, member) in members.enumerated() {
            for field in FeatureField.allCases where GoFold.equalFold(member.key, field.goName) {
                let f = field.rawValue
                if GoFold.equalExact(member.key, field.goName) {
                    chosen[f] = i
                    exact[f] = true
                } else if chosen[f] < 0 {
                    chosen[f] = i
                }
                break
            }
        }
        var event = FeatureEvent(
            kind: "", contextKind: "", userKey: "", creationDate: 0, key: "", variation: "", value: .null,
            default: false, version: "", source: "", metadata: nil)
        var errors: [String] = []
        for field in FeatureField.allCases {
            let index = chosen[field.rawValue]
            guard index >= 0 else { continue }
            let value = members[index].value
            if case .null = value { continue }  // mapstructure leaves the zero value for nil input
            if let problem = assign(value, to: field, of: &event) {
                errors.append(problem)
            }
        }
        if !errors.isEmpty {
            return .failure(
                ConversionFailure(
                    reason: "decoding failed due to the following error(s):\n\n" + errors.joined(separator: "\n")))
        }
        if event.source.isEmpty { event.source = "PROVIDER_CACHE" }
        if let meta { event.metadata = meta }
        event.creationDate = formatCreationDate(event.creationDate)
        return .success(event)
    }

    /// Sets one field with mapstructure's strict (not weakly typed) rules; returns its error text on mismatch.
    private static func assign(_ value: JSONValue, to field: FeatureField, of event: inout FeatureEvent) -> String? {
        func mismatch(_ expected: String) -> String {
            "'\(field.goName)' expected type '\(expected)', got unconvertible type '\(value.goTypeName)'"
        }
        switch field {
        case .creationDate:
            guard case .number(let d) = value else { return mismatch("int64") }
            event.creationDate = goInt64Conversion(d)
        case .isDefault:
            guard case .bool(let b) = value else { return mismatch("bool") }
            event.default = b
        case .value:
            event.value = value
        case .metadata:
            guard case .object(let o) = value else { return mismatch("map[string]interface {}") }
            event.metadata = o
        case .kind, .contextKind, .userKey, .key, .variation, .version, .source:
            guard case .string(let s) = value else { return mismatch("string") }
            switch field {
            case .kind: event.kind = s
            case .contextKind: event.contextKind = s
            case .userKey: event.userKey = s
            case .key: event.key = s
            case .variation: event.variation = s
            case .version: event.version = s
            default: event.source = s
            }
        }
        return nil
    }

    /// Go's `int64(f)` conversion as compiled for amd64 (`CVTTSD2SQ`): truncation toward zero, and
    /// `math.MinInt64` for values outside the int64 range (arm64 would saturate instead).
    static func goInt64Conversion(_ d: Double) -> Int64 {
        guard d >= -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else { return .min }
        return Int64(d.rounded(.towardZero))
    }

    /// GOFF's `formatCreationDate`: a value above 9,999,999,999 is taken as milliseconds and replaced by the
    /// number formed by its first 10 decimal digits.
    public static func formatCreationDate(_ value: Int64) -> Int64 {
        guard value > 9_999_999_999 else { return value }
        var v = value
        while v > 9_999_999_999 { v /= 10 }
        return v
    }
}
