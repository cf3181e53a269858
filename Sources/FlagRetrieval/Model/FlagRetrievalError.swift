// SPDX-License-Identifier: Apache-2.0

/// Why flags could not be retrieved, decoded or installed.
///
/// ``message`` follows GOFF's wording where GOFF has one (for example
/// `request to <url> failed with code 500`) and never contains header values or request bodies.
public struct FlagRetrievalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of a ``FlagRetrievalError``. New categories may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case retrieverFailed, fileUnreadable, httpStatus, transport, invalidRequest
            case invalidFlagFile, unsupportedFormat, invalidConfiguration, persistentFile, initialLoad
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A custom ``FlagRetriever`` threw an error of its own type (its description is the message).
        public static let retrieverFailed = Code(.retrieverFailed)
        /// A flag file could not be read (missing, not readable, a directory).
        public static let fileUnreadable = Code(.fileUnreadable)
        /// An HTTP retriever got a response status above 399.
        public static let httpStatus = Code(.httpStatus)
        /// An HTTP retriever got no response (connection, TLS, timeout, too many redirects).
        public static let transport = Code(.transport)
        /// An HTTP retriever's own settings are unusable (empty URL).
        public static let invalidRequest = Code(.invalidRequest)
        /// Retrieved bytes are not a valid flag file in the configured format.
        public static let invalidFlagFile = Code(.invalidFlagFile)
        /// The configured file format cannot be decoded by this build (TOML).
        public static let unsupportedFormat = Code(.unsupportedFormat)
        /// The flag normalizer rejected the whole configuration.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// The persistent flag configuration file could not be used.
        public static let persistentFile = Code(.persistentFile)
        /// The first retrieval failed and the configuration does not allow starting without flags.
        public static let initialLoad = Code(.initialLoad)

        /// The category's name, for example `httpStatus`.
        public var description: String { base.rawValue }
    }

    /// The category of the failure.
    public var code: Code
    /// A one-line explanation without secrets.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The category.
    ///   - message: A one-line explanation without secrets.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
