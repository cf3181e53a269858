// SPDX-License-Identifier: Apache-2.0

/// A JSON value as GOFF's Go code holds it after `encoding/json` decoded it into `interface{}`.
///
/// Numbers are `Double` because Go decodes every JSON number into `float64` (neither echo's binder nor
/// GOFF's collector enables `UseNumber`). Objects keep their insertion order, but the encoder sorts
/// their keys exactly like Go sorts the keys of a `map[string]interface{}`.
public enum JSONValue: Sendable {
    /// JSON `null` (Go `nil`).
    case null
    /// JSON `true` / `false`.
    case bool(Bool)
    /// A JSON number, held as Go holds it: a `float64`.
    case number(Double)
    /// A JSON string (always valid Unicode; invalid input was replaced with U+FFFD as Go does).
    case string(String)
    /// A JSON array.
    case array([JSONValue])
    /// A JSON object with unique keys in insertion order.
    case object(JSONObject)
}

extension JSONValue: Equatable {
    /// Structural equality with Go semantics: strings and keys compare by their UTF-8 bytes (not by Unicode
    /// canonical equivalence as `String ==` does), objects compare as maps (order-insensitive), numbers as `Double`.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null):
            return true
        case (.bool(let a), .bool(let b)):
            return a == b
        case (.number(let a), .number(let b)):
            return a == b
        case (.string(let a), .string(let b)):
            return a.utf8.elementsEqual(b.utf8)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0 == $1 }
        case (.object(let a), .object(let b)):
            return a == b
        default:
            return false
        }
    }
}

extension JSONValue {
    /// `true` for `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string payload, or `nil` when this is not a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number payload, or `nil` when this is not a number.
    public var numberValue: Double? {
        if case .number(let d) = self { return d }
        return nil
    }

    /// The boolean payload, or `nil` when this is not a boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The object payload, or `nil` when this is not an object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The array payload, or `nil` when this is not an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The Go type name `reflect.TypeOf` reports for this value once decoded into `interface{}`
    /// (used in error messages that mimic Go's).
    var goTypeName: String {
        switch self {
        case .null: return "<nil>"
        case .bool: return "bool"
        case .number: return "float64"
        case .string: return "string"
        case .array: return "[]interface {}"
        case .object: return "map[string]interface {}"
        }
    }

    /// The JSON kind word Go's `UnmarshalTypeError` uses ("number", "string", "bool", "array", "object").
    var jsonKindWord: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral {
    /// Creates `.null`.
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// Creates `.bool`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// Creates `.number` (the integer converted to `Double`, as Go would hold it).
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension JSONValue: ExpressibleByFloatLiteral {
    /// Creates `.number`.
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// Creates `.string`.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// Creates `.array`.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// Creates `.object` in literal order; a repeated key replaces the earlier value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements))
    }
}
