// SPDX-License-Identifier: Apache-2.0

import Events

/// Resolves a plain (unquoted, untagged) YAML scalar the way Go's `yaml.v3` does when it decodes into
/// `interface{}`, then as `encoding/json` would carry it:
///
/// - null: empty, `~`, `null`, `Null`, `NULL`;
/// - booleans: only `true`/`True`/`TRUE` and `false`/`False`/`FALSE` (`yes`, `no`, `on`, `off`, `y`, `n`
///   stay strings: YAML 1.2);
/// - integers: decimal with an optional sign, `0x`, `0o`, `0b`, and `yaml.v3`'s legacy leading-zero octal
///   (`0755` is 493), underscores ignored;
/// - floats: `1.5`, `.5`, `1e3`, `1.`, `.inf`, `-.inf`, `.nan`;
/// - everything else (dates included, which `yaml.v3` leaves as strings in `interface{}`) is a string.
///
/// Numbers become `JSONValue.number` (a `Double`), so integers beyond 2^53 lose precision.
enum YAMLScalarResolver {
    /// The JSON value of a plain scalar.
    static func resolve(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        guard let first = text.utf8.first else { return .string(text) }
        if first == UInt8(ascii: ".") {
            if isYAMLFloat(Array(text.utf8)), let value = Double(text) { return .number(value) }
            return .string(text)
        }
        guard isDigit(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else {
            return .string(text)
        }
        let plain = Array(text.utf8.filter { $0 != UInt8(ascii: "_") })
        if let integer = parseGoInteger(plain) { return .number(integer) }
        if isYAMLFloat(plain), let value = Double(String(decoding: plain, as: UTF8.self)) {
            return .number(value)
        }
        return .string(text)
    }

    /// Go's `strconv.ParseInt(s, 0, 64)`, falling back to `ParseUint`: sign, then `0x`/`0o`/`0b` prefix or a
    /// leading `0` for octal, else decimal. `nil` when the text is not such an integer or is out of range.
    static func parseGoInteger(_ bytes: [UInt8]) -> Double? {
        var digits = bytes[...]
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        var radix: UInt64 = 10
        if digits.count > 1, digits.first == UInt8(ascii: "0") {
            switch digits.dropFirst().first.map({ $0 | 0x20 }) {
            case UInt8(ascii: "x"): radix = 16; digits = digits.dropFirst(2)
            case UInt8(ascii: "o"): radix = 8; digits = digits.dropFirst(2)
            case UInt8(ascii: "b"): radix = 2; digits = digits.dropFirst(2)
            default: radix = 8; digits = digits.dropFirst()
            }
        }
        guard !digits.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        for byte in digits {
            guard let digit = digitValue(byte), UInt64(digit) < radix else { return nil }
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == 0 ? 0 : -Double(magnitude)
        }
        return Double(magnitude)
    }

    /// `yaml.v3`'s float syntax: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func isYAMLFloat(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        let integerStart = i
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        let integerDigits = i - integerStart
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            if integerDigits == 0 && i == fractionStart { return false }
        } else if integerDigits == 0 {
            return false
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let exponentStart = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            if i == exponentStart { return false }
        }
        return i == bytes.count
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func digitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
