// SPDX-License-Identifier: Apache-2.0

/// Why an HTTP exchange produced no response.
///
/// ``code`` is the category to act on (retry, give up, report); ``curlCode`` and ``message`` keep
/// libcurl's own diagnosis for logs.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// The category of a ``TransportError``. New categories may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case connectFailed, timedOut, tls, sendFailed, receiveFailed, resolveFailed
            case invalidRequest, cancelled, shutdown, other
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The TCP connection could not be established (refused, unreachable) to the host or proxy.
        public static let connectFailed = Code(.connectFailed)
        /// The connect timeout or the request timeout expired.
        public static let timedOut = Code(.timedOut)
        /// The TLS handshake or certificate verification failed.
        public static let tls = Code(.tls)
        /// Writing the request to the connection failed.
        public static let sendFailed = Code(.sendFailed)
        /// Reading the response failed: connection reset, closed early, or nothing received.
        public static let receiveFailed = Code(.receiveFailed)
        /// The host or proxy name could not be resolved.
        public static let resolveFailed = Code(.resolveFailed)
        /// The request itself is unusable: malformed URL, unsupported scheme, bad method or header.
        public static let invalidRequest = Code(.invalidRequest)
        /// The awaiting task was cancelled; the transfer was abandoned.
        public static let cancelled = Code(.cancelled)
        /// The client was shut down before the response arrived.
        public static let shutdown = Code(.shutdown)
        /// Any other failure; see ``TransportError/curlCode`` and ``TransportError/message``.
        public static let other = Code(.other)

        /// The category's name, for example `timedOut`.
        public var description: String { base.rawValue }
    }

    /// The category of the failure.
    public var code: Code
    /// libcurl's `CURLcode` (or `CURLMcode` for multi-handle failures); 0 when libcurl was not involved.
    public var curlCode: Int
    /// A human-readable explanation: libcurl's error buffer when it wrote one.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The category.
    ///   - curlCode: libcurl's result code, or 0.
    ///   - message: A human-readable explanation.
    public init(code: Code, curlCode: Int = 0, message: String) {
        self.code = code
        self.curlCode = curlCode
        self.message = message
    }

    /// For example `timedOut (curl 28): Operation timed out after 200 milliseconds with 0 bytes received`.
    public var description: String {
        curlCode == 0 ? "\(code): \(message)" : "\(code) (curl \(curlCode)): \(message)"
    }
}
