// SPDX-License-Identifier: Apache-2.0

/// A JSON document that ``JSONParser`` rejected.
///
/// ``message`` uses the exact wording of Go's `encoding/json` scanner (for example
/// `invalid character '}' after array element`), so callers can rebuild the messages GOFF returns.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// A byte that the JSON grammar does not allow at that place.
        case invalidCharacter
        /// The input ended inside a value (or contained no value at all).
        case unexpectedEndOfInput
        /// Arrays and objects nested deeper than the parser's limit.
        case exceededMaxDepth
        /// A number too large for a `float64` (Go reports an `UnmarshalTypeError`, not a syntax error).
        case numberOutOfRange
    }

    /// What went wrong.
    public let code: Code
    /// 0-based index of the offending byte (the input length for ``Code/unexpectedEndOfInput``; the first byte
    /// of the number for ``Code/numberOutOfRange``).
    public let offset: Int
    /// Go-style description, without the offset.
    public let message: String

    /// Creates an error.
    public init(code: Code, offset: Int, message: String) {
        self.code = code
        self.offset = offset
        self.message = message
    }

    /// The offset Go's `SyntaxError.Offset` would report: the number of bytes read when the error was found
    /// (the offending byte included).
    public var goOffset: Int {
        code == .unexpectedEndOfInput ? offset : offset + 1
    }

    /// `"<message> at byte offset <offset>"`.
    public var description: String {
        "\(message) at byte offset \(offset)"
    }

    static func invalidCharacter(_ byte: UInt8, at offset: Int, _ context: String) -> JSONParseError {
        JSONParseError(
            code: .invalidCharacter,
            offset: offset,
            message: "invalid character \(goQuoteChar(byte)) \(context)"
        )
    }

    static func unexpectedEnd(at offset: Int) -> JSONParseError {
        JSONParseError(code: .unexpectedEndOfInput, offset: offset, message: "unexpected end of JSON input")
    }
}

/// Go's `encoding/json` `quoteChar`: the byte as Go prints it in scanner errors, between single quotes.
func goQuoteChar(_ c: UInt8) -> String {
    let hex: [Character] = Array("0123456789abcdef")
    switch c {
    case UInt8(ascii: "'"): return #"'\''"#
    case UInt8(ascii: "\""): return #"'"'"#
    case UInt8(ascii: "\\"): return #"'\\'"#
    case 0x07: return #"'\a'"#
    case 0x08: return #"'\b'"#
    case 0x09: return #"'\t'"#
    case 0x0A: return #"'\n'"#
    case 0x0B: return #"'\v'"#
    case 0x0C: return #"'\f'"#
    case 0x0D: return #"'\r'"#
    case 0x20...0x7E: return "'" + String(UnicodeScalar(c)) + "'"
    case 0x00...0x1F, 0x7F: return "'\\x" + String(hex[Int(c >> 4)]) + String(hex[Int(c & 0xF)]) + "'"
    case 0x80...0xA0, 0xAD:
        // Go converts the byte to the rune U+0080...U+00FF; these are not printable for strconv.Quote.
        return "'\\u00" + String(hex[Int(c >> 4)]) + String(hex[Int(c & 0xF)]) + "'"
    default:
        return "'" + String(UnicodeScalar(c)) + "'"
    }
}
