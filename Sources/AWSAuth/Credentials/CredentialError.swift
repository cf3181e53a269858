// SPDX-License-Identifier: Apache-2.0

/// Why a credential provider returned no credentials. The message names the setting, never a secret.
public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of a ``CredentialError``. New categories may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case missingVariable, emptyVariable
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A required environment variable is not set.
        public static let missingVariable = Code(.missingVariable)
        /// A required environment variable is set to the empty string.
        public static let emptyVariable = Code(.emptyVariable)

        /// The category's name, for example `missingVariable`.
        public var description: String { base.rawValue }
    }

    /// The category of the failure.
    public var code: Code
    /// The environment variable (or setting) at fault, for example `AWS_SECRET_ACCESS_KEY`.
    public var variable: String
    /// A human-readable explanation that names ``variable``.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The category.
    ///   - variable: The variable at fault.
    ///   - message: A human-readable explanation; it must not contain secrets.
    public init(code: Code, variable: String, message: String) {
        self.code = code
        self.variable = variable
        self.message = message
    }

    /// For example `missingVariable: AWS_ACCESS_KEY_ID is not set`.
    public var description: String { "\(code): \(message)" }
}
