// SPDX-License-Identifier: Apache-2.0

/// What `/info` reports about one exporter.
public struct ExporterInfo: Sendable, Equatable {
    /// The exporter's name, e.g. `exporter` or `exporters[1]`.
    public var name: String
    /// Records accepted and not yet acknowledged by Kinesis.
    public var pendingRecords: Int
    /// Their bytes.
    public var pendingBytes: Int
    /// The spool's cap in bytes.
    public var capacityBytes: Int
    /// Records Kinesis stored since start.
    public var recordsSent: Int
    /// Per-record refusals since start (each retried).
    public var recordFailures: Int
    /// Whole-call failures since start.
    public var callFailures: Int
    /// Records moved to the dead-letter file since start.
    public var deadLettered: Int
    /// RFC 3339 time of the last successful call.
    public var lastSuccess: String?
    /// The last whole-call error, when the last call failed.
    public var lastError: String?

    /// Creates a snapshot.
    public init(
        name: String, pendingRecords: Int, pendingBytes: Int, capacityBytes: Int, recordsSent: Int,
        recordFailures: Int, callFailures: Int, deadLettered: Int, lastSuccess: String?, lastError: String?
    ) {
        self.name = name
        self.pendingRecords = pendingRecords
        self.pendingBytes = pendingBytes
        self.capacityBytes = capacityBytes
        self.recordsSent = recordsSent
        self.recordFailures = recordFailures
        self.callFailures = callFailures
        self.deadLettered = deadLettered
        self.lastSuccess = lastSuccess
        self.lastError = lastError
    }
}

/// The relay-wide hooks that `/info` and `/metrics` read.
public struct RelayStatus: Sendable {
    /// RFC 3339 time of the last flag-cache refresh (GOFF's `cacheRefresh`); the start time until flag
    /// retrieval exists.
    public var cacheRefresh: @Sendable () -> String
    /// The exporters' state.
    public var exporters: @Sendable () async -> [ExporterInfo]
    /// Renders the Prometheus text exposition (after refreshing gauges).
    public var metricsText: @Sendable () async -> [UInt8]

    /// Creates hooks.
    public init(
        cacheRefresh: @escaping @Sendable () -> String,
        exporters: @escaping @Sendable () async -> [ExporterInfo],
        metricsText: @escaping @Sendable () async -> [UInt8]
    ) {
        self.cacheRefresh = cacheRefresh
        self.exporters = exporters
        self.metricsText = metricsText
    }

    /// No exporters, no metrics: for tests of other routes.
    public static let empty = RelayStatus(cacheRefresh: { "" }, exporters: { [] }, metricsText: { [] })
}
