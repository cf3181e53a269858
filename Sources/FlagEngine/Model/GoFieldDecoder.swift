// SPDX-License-Identifier: Apache-2.0

import Events

/// Decodes `JSONValue`s the way Go's `encoding/json` fills GOFF's flag structs: field names match exactly or
/// case-insensitively, unknown keys are ignored, `null` leaves a pointer field unset, and a JSON kind the Go
/// type cannot hold is an error.
enum GoFieldDecoder {
    /// Splits `object` by the known field `names` (exact match first, then Go's case folding); later keys win.
    static func fields(_ object: JSONObject, names: [String]) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for member in object.members {
            if let exact = names.first(where: { $0.utf8.elementsEqual(member.key.utf8) }) {
                out[exact] = member.value
            } else if let folded = names.first(where: { equalFold(member.key, $0) }) {
                out[folded] = member.value
            }
        }
        return out
    }

    /// Go's `foldName` comparison against an ASCII field name (K and long-s fold with Kelvin / U+017F).
    static func equalFold(_ key: String, _ name: String) -> Bool {
        var k = key.unicodeScalars.makeIterator()
        for n in name.unicodeScalars {
            guard let c = k.next() else { return false }
            if c == n { continue }
            let lower = Character(n).lowercased()
            if c.value < 0x80 {
                guard Character(c).lowercased() == lower else { return false }
            } else if c.value == 0x212A {
                guard lower == "k" else { return false }
            } else if c.value == 0x017F {
                guard lower == "s" else { return false }
            } else {
                return false
            }
        }
        return k.next() == nil
    }

    static func mismatch(_ value: JSONValue, _ goType: String, _ path: String) -> FlagParseError {
        FlagParseError(
            code: .typeMismatch,
            field: path,
            message: "json: cannot unmarshal \(kindWord(value)) into Go struct field \(path) of type \(goType)"
        )
    }

    static func kindWord(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    static func string(_ value: JSONValue?, _ path: String) throws(FlagParseError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case let other?: throw mismatch(other, "string", path)
        }
    }

    static func bool(_ value: JSONValue?, _ path: String) throws(FlagParseError) -> Bool? {
        switch value {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        case let other?: throw mismatch(other, "bool", path)
        }
    }

    static func number(_ value: JSONValue?, _ path: String) throws(FlagParseError) -> Double? {
        switch value {
        case nil, .null?: return nil
        case .number(let d)?: return d
        case let other?: throw mismatch(other, "float64", path)
        }
    }

    static func object(_ value: JSONValue?, _ goType: String, _ path: String) throws(FlagParseError) -> JSONObject? {
        switch value {
        case nil, .null?: return nil
        case .object(let o)?: return o
        case let other?: throw mismatch(other, goType, path)
        }
    }

    static func array(_ value: JSONValue?, _ goType: String, _ path: String) throws(FlagParseError) -> [JSONValue]? {
        switch value {
        case nil, .null?: return nil
        case .array(let a)?: return a
        case let other?: throw mismatch(other, goType, path)
        }
    }

    static func date(_ value: JSONValue?, _ path: String) throws(FlagParseError) -> Timestamp? {
        switch value {
        case nil, .null?: return nil
        case .string(let s)?:
            guard let t = Timestamp(rfc3339: s) else {
                throw FlagParseError(code: .invalidDate, field: path, message: "parsing time \"\(s)\" as RFC 3339")
            }
            return t
        case .some:
            throw FlagParseError(
                code: .invalidDate, field: path, message: "Time.UnmarshalJSON: input is not a JSON string")
        }
    }
}
