// SPDX-License-Identifier: Apache-2.0

/// Why a credential provider returned no credentials. The message names the setting, never a secret.
public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of a ``CredentialError``. New categories may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case missingVariable, emptyVariable, fileUnreadable, profileNotFound, invalidProfile, unsupported
            case invalidSetting, serviceError, invalidResponse, unreachable, processFailed, noCredentials, disabled
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A required environment variable is not set.
        public static let missingVariable = Code(.missingVariable)
        /// A required environment variable is set to the empty string.
        public static let emptyVariable = Code(.emptyVariable)
        /// A shared config, credentials or token file exists but cannot be read.
        public static let fileUnreadable = Code(.fileUnreadable)
        /// `AWS_PROFILE` (or a `source_profile`) names a profile that neither shared file has.
        public static let profileNotFound = Code(.profileNotFound)
        /// A profile's settings contradict each other or are incomplete (for example `role_arn` without
        /// a source, a `source_profile` cycle, half a key pair, a non-numeric `duration_seconds`).
        public static let invalidProfile = Code(.invalidProfile)
        /// A configuration goff-relay does not support (IAM Identity Center/SSO, `mfa_serial`).
        public static let unsupported = Code(.unsupported)
        /// A setting's value is not acceptable (for example a container endpoint on a foreign host).
        public static let invalidSetting = Code(.invalidSetting)
        /// A credential service (STS, the container endpoint, IMDS) answered with an error.
        public static let serviceError = Code(.serviceError)
        /// A credential service or process answered something that is not the documented format.
        public static let invalidResponse = Code(.invalidResponse)
        /// A credential service could not be reached (connection, timeout).
        public static let unreachable = Code(.unreachable)
        /// `credential_process` could not be run, failed, or timed out.
        public static let processFailed = Code(.processFailed)
        /// No source of credentials is configured.
        public static let noCredentials = Code(.noCredentials)
        /// The source was disabled (`AWS_EC2_METADATA_DISABLED=true`).
        public static let disabled = Code(.disabled)

        /// The category's name, for example `missingVariable`.
        public var description: String { base.rawValue }
    }

    /// The category of the failure.
    public var code: Code
    /// The environment variable (or setting) at fault, for example `AWS_SECRET_ACCESS_KEY`.
    public var variable: String
    /// A human-readable explanation that names ``variable``.
    public var message: String
    /// The error code a credential service returned (for example `ExpiredToken` from STS), if any.
    public var serviceCode: String?

    /// Creates an error.
    /// - Parameters:
    ///   - code: The category.
    ///   - variable: The variable at fault.
    ///   - message: A human-readable explanation; it must not contain secrets.
    ///   - serviceCode: The error code a credential service returned, if any.
    public init(code: Code, variable: String, message: String, serviceCode: String? = nil) {
        self.code = code
        self.variable = variable
        self.message = message
        self.serviceCode = serviceCode
    }

    /// For example `missingVariable: AWS_ACCESS_KEY_ID is not set`.
    public var description: String { "\(code): \(message)" }
}
