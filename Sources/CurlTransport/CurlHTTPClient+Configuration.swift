// SPDX-License-Identifier: Apache-2.0

extension CurlHTTPClient {
    /// Settings shared by every request of one ``CurlHTTPClient``.
    public struct Configuration: Sendable {
        /// How long establishing a connection (TCP, proxy and TLS handshakes) may take. Default 5 s.
        public var connectTimeout: Duration
        /// The whole-request timeout for requests whose ``HTTPRequest/timeout`` is `nil`. Default 10 s.
        ///
        /// It counts from submission, so time spent waiting for a free connection is included.
        public var requestTimeout: Duration
        /// The most connections open to one host at once; further requests wait inside libcurl. Default 8.
        public var maxConnectionsPerHost: Int
        /// The `User-Agent` header; `nil` sends none. Default `goff-relay`.
        public var userAgent: String?
        /// Keep connections open and reuse them for later requests (HTTP keep-alive). Default `true`.
        public var keepAlive: Bool
        /// Idle time before TCP keep-alive probes start on an open connection, and the interval between
        /// probes; `nil` disables TCP keep-alive probes. Default 60 s.
        public var tcpKeepAliveInterval: Duration?

        /// Creates a configuration; every parameter has the documented default.
        /// - Parameters:
        ///   - connectTimeout: Connection establishment limit.
        ///   - requestTimeout: Default whole-request limit.
        ///   - maxConnectionsPerHost: Connections per host at most (values below 1 count as 1).
        ///   - userAgent: The `User-Agent` header, or `nil` for none.
        ///   - keepAlive: Whether connections are reused.
        ///   - tcpKeepAliveInterval: TCP keep-alive idle time and probe interval, or `nil` for none.
        public init(
            connectTimeout: Duration = .seconds(5),
            requestTimeout: Duration = .seconds(10),
            maxConnectionsPerHost: Int = 8,
            userAgent: String? = "goff-relay",
            keepAlive: Bool = true,
            tcpKeepAliveInterval: Duration? = .seconds(60)
        ) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.maxConnectionsPerHost = maxConnectionsPerHost
            self.userAgent = userAgent
            self.keepAlive = keepAlive
            self.tcpKeepAliveInterval = tcpKeepAliveInterval
        }
    }
}
