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
        var event = FeatureEvent(
            kind: "", contextKind: "", userKey: "", creationDate: 0, key: "", variation: "", value: .null,
            default: false, version: "", source: "", metadata: nil)
        let fieldCount = FeatureField.allCases.count
        let errors = withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldCount) { chosen -> [String] in
            chosen.initialize(repeating: -1)
            // Encoded as index * 2 + 1 for an exact Go-name match (which wins), index * 2 for a folded match.
            for (i, member) in members.enumerated() {
                var key = member.key
                guard let (field, exact) = key.withUTF8({ featureField(forKey: $0) }) else { continue }
                let f = field.rawValue
                if exact {
                    chosen[f] = i * 2 + 1
                } else if chosen[f] < 0 {
                    chosen[f] = i * 2
                }
            }
            var errors: [String] = []
            for field in FeatureField.allCases {
                let encoded = chosen[field.rawValue]
                guard encoded >= 0 else { continue }
                let value = members[encoded / 2].value
                if case .null = value { continue }  // mapstructure leaves the zero value for nil input
                if let problem = assign(value, to: field, of: &event) {
                    errors.append(problem)
                }
            }
            return errors
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

    /// The field a key matches (`strings.EqualFold` with the Go field name), and whether it matches exactly.
    static func featureField(forKey key: UnsafeBufferPointer<UInt8>) -> (FeatureField, Bool)? {
        func match(_ field: FeatureField) -> (FeatureField, Bool)? {
            let name = field.goName
            guard GoFold.equalFold(utf8: key, name) else { return nil }
            return (field, key.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)))
        }
        if key.contains(where: { $0 >= 0x80 }) {
            for field in FeatureField.allCases {
                if let found = match(field) { return found }
            }
            return nil
        }
        switch key.count {
        case 3: return match(.key)
        case 4: return match(.kind)
        case 5: return match(.value)
        case 6: return match(.source)
        case 7: return match(.userKey) ?? match(.isDefault) ?? match(.version)
        case 8: return match(.metadata)
        case 9: return match(.variation)
        case 11: return match(.contextKind)
        case 12: return match(.creationDate)
        default: return nil
        }
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
