// SPDX-License-Identifier: Apache-2.0

/// A collector request body that GOFF answers with 400.
///
/// ``message`` is the exact text GOFF puts in its `{"message": ...}` answer, e.g.
/// `collectEvalData: invalid input data` (no `events`) or
/// `collectEvalData: invalid input data code=400, message=Syntax error: offset=322, error=invalid character '}'
/// after array element, internal=invalid character '}' after array element`.
public struct CollectorParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Sendable, Equatable {
        /// `events` missing or `null`, a `null` body, or an empty body (GOFF skips binding when
        /// `Content-Length` is 0).
        case missingEvents
        /// Only whitespace (Go's decoder reports `EOF`).
        case emptyInput
        /// A JSON syntax error.
        case malformedJSON
        /// The body ends inside the JSON value (Go's decoder reports `unexpected EOF`).
        case unexpectedEndOfInput
        /// Nesting deeper than the parser's limit.
        case tooDeep
        /// Valid JSON of the wrong shape: the body is not an object, `meta` is not an object, `events` is not an
        /// array, an entry of `events` is not an object, or a number overflows `float64`.
        case typeMismatch
    }

    /// The kind of failure.
    public let code: Code
    /// 0-based byte offset of the problem, when there is one.
    public let offset: Int?
    /// The underlying problem without GOFF's wrapping (e.g. `invalid character 'x' looking for beginning of value`).
    public let detail: String
    /// GOFF's full error message for the HTTP answer.
    public let message: String

    /// Creates an error.
    public init(code: Code, offset: Int?, detail: String, message: String) {
        self.code = code
        self.offset = offset
        self.detail = detail
        self.message = message
    }

    /// The HTTP status GOFF answers with (always 400).
    public var httpStatus: Int { 400 }

    /// ``message``, plus the byte offset when known.
    public var description: String {
        if let offset { return "\(message) (byte offset \(offset))" }
        return message
    }

    static let prefix = "collectEvalData: invalid input data"

    static let missingEvents = CollectorParseError(
        code: .missingEvents, offset: nil, detail: "events is missing or null", message: prefix)

    static func emptyInput(at offset: Int) -> CollectorParseError {
        CollectorParseError(
            code: .emptyInput, offset: offset, detail: "EOF", message: prefix + " code=400, message=EOF, internal=EOF")
    }

    /// Wraps a scanner error the way echo's binder and GOFF's handler do.
    static func from(_ error: JSONParseError) -> CollectorParseError {
        switch error.code {
        case .unexpectedEndOfInput:
            return CollectorParseError(
                code: .unexpectedEndOfInput, offset: error.offset, detail: "unexpected EOF",
                message: prefix + " code=400, message=unexpected EOF, internal=unexpected EOF")
        case .invalidCharacter, .exceededMaxDepth:
            let text = "Syntax error: offset=\(error.goOffset), error=\(error.message)"
            return CollectorParseError(
                code: error.code == .exceededMaxDepth ? .tooDeep : .malformedJSON, offset: error.offset,
                detail: error.message, message: prefix + " code=400, message=\(text), internal=\(error.message)")
        case .numberOutOfRange:
            return typeMismatch(
                value: "number", goType: "float64", field: "", offset: error.offset, goOffset: error.offset)
        }
    }

    /// An `encoding/json` `UnmarshalTypeError` on the request struct, wrapped as echo and GOFF do.
    static func typeMismatch(
        value: String, goType: String, field: String, offset: Int, goOffset: Int
    )
        -> CollectorParseError
    {
        let internalText =
            field.isEmpty
            ? "json: cannot unmarshal \(value) into Go value of type \(goType)"
            : "json: cannot unmarshal \(value) into Go struct field CollectEvalDataRequest.\(field) of type \(goType)"
        let text = "Unmarshal type error: expected=\(goType), got=\(value), field=\(field), offset=\(goOffset)"
        return CollectorParseError(
            code: .typeMismatch, offset: offset, detail: internalText,
            message: prefix + " code=400, message=\(text), internal=\(internalText)")
    }
}
