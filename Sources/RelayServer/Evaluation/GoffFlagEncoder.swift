// SPDX-License-Identifier: Apache-2.0

import Events

/// Encodes a raw flag the way GOFF serves it: `json.Unmarshal` into GOFF's `flag.InternalFlag`, then
/// `json.Marshal` of that struct.
///
/// So the bytes of `/v1/flag/configuration` and the FNV-1a hashes of `/v1/flag/change` equal GOFF's:
/// - struct fields in declaration order (`variations`, `targeting`, `bucketingKey`, `defaultRule`,
///   `experimentation`, `scheduledRollout`, `trackEvents`, `disable`, `version`, `metadata`; rules:
///   `name`, `query`, `variation`, `percentage`, `progressiveRollout`, `disable`; a scheduled step is the
///   flag's fields then `date`), every one `omitempty` on a pointer: absent or `null` fields are left out,
///   an empty object or list is kept;
/// - unknown keys are dropped; keys match field names exactly or case-insensitively (Go's folding,
///   where `ſ` is `s` and the Kelvin sign is `k`); a repeated key decodes into the same value again
///   (maps and structs merge, anything else is replaced, `null` resets);
/// - maps (`variations`, `percentage`, `metadata`) in sorted key order, numbers as Go's `float64`;
/// - dates as Go's `time.Time` marshals them: RFC 3339 with trailing zeros of the fraction removed, in the
///   offset they were written with (`Z` for a zero offset: GOFF runs in UTC).
///
/// The flag must already be valid for the engine (type mismatches are rejected before encoding).
public enum GoffFlagEncoder {
    /// GOFF's encoding of `flag`, without a trailing newline.
    public static func encode(_ flag: JSONObject) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        appendStruct(flag.members, schema: .flag, to: &out)
        return out
    }

    /// A Go struct's JSON fields, in declaration order.
    enum Schema {
        case flag, rule, progressiveRollout, rolloutStep, experimentation, scheduledStep

        var fields: [(name: String, kind: Kind)] {
            switch self {
            case .flag:
                Self.flagFields
            case .scheduledStep:
                Self.flagFields + [("date", .date)]
            case .rule:
                [
                    ("name", .string), ("query", .string), ("variation", .string), ("percentage", .floatMap),
                    ("progressiveRollout", .structure(.progressiveRollout)), ("disable", .bool),
                ]
            case .progressiveRollout:
                [("initial", .structure(.rolloutStep)), ("end", .structure(.rolloutStep))]
            case .rolloutStep:
                [("variation", .string), ("percentage", .float), ("date", .date)]
            case .experimentation:
                [("start", .date), ("end", .date)]
            }
        }

        private static let flagFields: [(name: String, kind: Kind)] = [
            ("variations", .valueMap), ("targeting", .list(.rule)), ("bucketingKey", .string),
            ("defaultRule", .structure(.rule)), ("experimentation", .structure(.experimentation)),
            ("scheduledRollout", .list(.scheduledStep)), ("trackEvents", .bool), ("disable", .bool),
            ("version", .string), ("metadata", .valueMap),
        ]
    }

    /// The Go type of a field.
    indirect enum Kind {
        case string, bool, float, date
        /// `map[string]interface{}` or `map[string]*interface{}`.
        case valueMap
        /// `map[string]float64`.
        case floatMap
        case structure(Schema)
        case list(Schema)
    }

    static func appendStruct(_ members: [JSONObject.Member], schema: Schema, to out: inout [UInt8]) {
        let fields = schema.fields
        var values = [[JSONValue]](repeating: [], count: fields.count)
        for member in members {
            guard let index = fieldIndex(member.key, fields) else { continue }
            values[index].append(member.value)
        }
        out.append(UInt8(ascii: "{"))
        var first = true
        for (index, field) in fields.enumerated() {
            guard let value = decoded(values[index], kind: field.kind) else { continue }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            GoJSONEncoder.appendString(field.name, to: &out)
            out.append(UInt8(ascii: ":"))
            appendValue(value, kind: field.kind, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// What decoding the field's values in order leaves in the field; `nil` for a nil pointer.
    static func decoded(_ values: [JSONValue], kind: Kind) -> JSONValue? {
        guard let last = values.last else { return nil }
        switch kind {
        case .valueMap, .floatMap, .structure:
            // Decoding into an existing map or struct keeps what it holds; null resets the pointer.
            let start = (values.lastIndex { $0.isNull }).map { $0 + 1 } ?? 0
            guard start < values.count else { return Optional.none }
            var members: [JSONObject.Member] = []
            for value in values[start...] {
                if case .object(let object) = value { members += object.members }
            }
            return .object(JSONObject(members.map { ($0.key, $0.value) }))
        default:
            if last.isNull { return Optional.none }  // JSONValue is ExpressibleByNilLiteral: be explicit
            return last
        }
    }

    static func appendValue(_ value: JSONValue, kind: Kind, to out: inout [UInt8]) {
        switch kind {
        case .string, .bool, .float:
            GoJSONEncoder.append(value, to: &out)
        case .date:
            if case .string(let text) = value {
                GoJSONEncoder.appendString(goTimeText(text) ?? text, to: &out)
            } else {
                GoJSONEncoder.append(value, to: &out)
            }
        case .valueMap, .floatMap:
            appendMap(value, to: &out)
        case .structure(let schema):
            guard case .object(let object) = value else { return GoJSONEncoder.append(value, to: &out) }
            appendStruct(object.members, schema: schema, to: &out)
        case .list(let schema):
            guard case .array(let elements) = value else { return GoJSONEncoder.append(value, to: &out) }
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if case .object(let object) = element {
                    appendStruct(object.members, schema: schema, to: &out)
                } else {
                    appendStruct([], schema: schema, to: &out)  // null decodes to the zero struct
                }
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    /// A Go map: the last value of a repeated key wins; keys sorted by their UTF-8 bytes.
    static func appendMap(_ value: JSONValue, to out: inout [UInt8]) {
        guard case .object(let object) = value else { return GoJSONEncoder.append(value, to: &out) }
        var latest: [String: JSONValue] = [:]
        for member in object.members { latest[member.key] = member.value }
        let keys = latest.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        out.append(UInt8(ascii: "{"))
        for (index, key) in keys.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            GoJSONEncoder.appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            GoJSONEncoder.append(latest[key] ?? .null, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// The field a JSON key decodes into: an exact match first, then Go's case-insensitive match.
    static func fieldIndex(_ key: String, _ fields: [(name: String, kind: Kind)]) -> Int? {
        if let exact = fields.firstIndex(where: { $0.name == key }) { return exact }
        let folded = goFold(key)
        return fields.firstIndex { goFold($0.name) == folded }
    }

    /// Go's key folding for struct fields: ASCII letters ignore case, `ſ` is `s`, the Kelvin sign is `k`.
    static func goFold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: scalars.append(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
            case 0x17F: scalars.append("s")
            case 0x212A: scalars.append("k")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Go's `time.Time` JSON text for an RFC 3339 date-time: the same wall clock and offset, the fraction
    /// without trailing zeros, `Z` for a zero offset. `nil` when `text` is not RFC 3339.
    static func goTimeText(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return nil }
        var index = 19
        var fraction: [UInt8] = []
        if bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
            index += 1
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                fraction.append(bytes[index])
                index += 1
            }
            guard !fraction.isEmpty, fraction.count <= 9 else { return nil }
        }
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        let zone = Array(bytes[index...])
        let zoneText: String
        if zone == [UInt8(ascii: "Z")] || zone == [UInt8(ascii: "z")] {
            zoneText = "Z"
        } else if zone.count == 6, zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-"),
            zone[3] == UInt8(ascii: ":")
        {
            let isZero = zone[1...2] == [48, 48] && zone[4...5] == [48, 48]
            zoneText = isZero ? "Z" : String(decoding: zone, as: UTF8.self)
        } else {
            return nil
        }
        var result =
            String(decoding: bytes[0..<10], as: UTF8.self) + "T" + String(decoding: bytes[11..<19], as: UTF8.self)
        if !fraction.isEmpty { result += "." + String(decoding: fraction, as: UTF8.self) }
        return result + zoneText
    }
}
