// SPDX-License-Identifier: Apache-2.0

/// A flag whose JSON does not decode into GOFF's flag structure (GOFF reports such a flag as `PARSE_ERROR`,
/// or drops the whole file when it reads it from a retriever).
public struct FlagParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// A field holds a JSON kind that its Go type cannot take (e.g. a number where a string is expected).
        case typeMismatch
        /// A date that is not RFC 3339.
        case invalidDate
    }

    /// What went wrong.
    public let code: Code
    /// Dotted path of the offending field, as Go's `UnmarshalTypeError` names it (e.g. `defaultRule.variation`).
    public let field: String
    /// Human-readable detail.
    public let message: String

    /// Creates an error.
    public init(code: Code, field: String, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// `"<field>: <message>"`.
    public var description: String { "\(field): \(message)" }
}
