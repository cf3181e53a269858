// SPDX-License-Identifier: Apache-2.0

/// A scalar value: the text as written and the type it resolved to.
public struct ConfigScalar: Sendable, Hashable {
    /// The type a scalar resolved to under YAML 1.2's core schema. Quoted scalars and every value
    /// from the environment are strings; `yes`/`no`/`on`/`off` are strings too.
    public enum Kind: String, Sendable, Hashable {
        /// `~`, `null`, or nothing.
        case null
        /// `true` / `false` (any capitalisation YAML 1.2 allows).
        case bool
        /// A decimal, `0o` octal or `0x` hexadecimal integer.
        case int
        /// A floating-point number, `.inf` or `.nan`.
        case float
        /// Anything else.
        case string
    }

    /// The text as written (after YAML unquoting / unescaping).
    public var text: String
    /// What the text resolved to.
    public var kind: Kind

    /// Creates a scalar.
    public init(_ text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }
}
