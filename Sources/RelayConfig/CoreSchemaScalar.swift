// SPDX-License-Identifier: Apache-2.0

/// YAML 1.2 core-schema resolution of a plain scalar (the first rule that matches wins):
/// - null: `~`, `null`, `Null`, `NULL` or empty;
/// - bool: `true`, `True`, `TRUE`, `false`, `False`, `FALSE`;
/// - int: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`;
/// - float: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`;
/// - anything else is a string (so `yes`, `on`, `0777`-style octal stays as YAML 1.2 reads it: decimal).
enum CoreSchemaScalar {
    /// The kind of the plain scalar `text`.
    static func kind(of text: String) -> ConfigScalar.Kind {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .bool
        default: break
        }
        let bytes = Array(text.utf8)
        if isInt(bytes) { return .int }
        if isFloat(bytes) { return .float }
        return .string
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
    static func isInt(_ bytes: [UInt8]) -> Bool {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let digits = bytes[2...]
            if bytes[1] == UInt8(ascii: "o") {
                return digits.allSatisfy { $0 >= 0x30 && $0 <= 0x37 }
            }
            if bytes[1] == UInt8(ascii: "x") {
                return digits.allSatisfy { isDigit($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) }
            }
        }
        var rest = bytes[...]
        if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy(isDigit)
    }

    /// The float forms of the core schema.
    static func isFloat(_ bytes: [UInt8]) -> Bool {
        var rest = bytes[...]
        let signed = rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+")
        if signed { rest = rest.dropFirst() }
        let word = String(decoding: rest, as: UTF8.self)
        if [".inf", ".Inf", ".INF"].contains(word) { return true }
        if !signed, [".nan", ".NaN", ".NAN"].contains(word) { return true }
        // Mantissa: \.[0-9]+ or [0-9]+(\.[0-9]*)?
        var index = rest.startIndex
        func digits() -> Int {
            let start = index
            while index < rest.endIndex, isDigit(rest[index]) { index += 1 }
            return index - start
        }
        if index < rest.endIndex, rest[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if index < rest.endIndex, rest[index] == UInt8(ascii: ".") {
                index += 1
                _ = digits()
            }
        }
        // Exponent: ([eE][-+]?[0-9]+)?
        if index < rest.endIndex, rest[index] == UInt8(ascii: "e") || rest[index] == UInt8(ascii: "E") {
            index += 1
            if index < rest.endIndex, rest[index] == UInt8(ascii: "-") || rest[index] == UInt8(ascii: "+") {
                index += 1
            }
            guard digits() > 0 else { return false }
        }
        return index == rest.endIndex
    }
}
