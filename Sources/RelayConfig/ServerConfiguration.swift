// SPDX-License-Identifier: Apache-2.0

/// The `server` section: where the HTTP API listens.
public struct ServerConfiguration: Sendable, Hashable {
    /// Default `server.host`.
    public static let defaultHost = "0.0.0.0"
    /// Default `server.port` (GOFF's).
    public static let defaultPort = 1031

    /// `server.host`: the address to bind.
    public var host: String
    /// `server.port` (else legacy top-level `listen`, else 1031).
    public var port: Int
    /// `server.monitoringPort` (else legacy top-level `monitoringPort`); `nil` when unset or 0,
    /// meaning the monitoring endpoints share `port`.
    public var monitoringPort: Int?

    /// Creates a server configuration; the defaults are GOFF's.
    public init(host: String = defaultHost, port: Int = defaultPort, monitoringPort: Int? = nil) {
        self.host = host
        self.port = port
        self.monitoringPort = monitoringPort
    }
}
