// SPDX-License-Identifier: Apache-2.0

/// The validated configuration every goff-relay service is built from.
///
/// Produced by ``ConfigLoader``; the memberwise initializer's defaults are the configuration
/// defaults, so tests and tools can build one directly.
public struct RelayConfiguration: Sendable, Hashable {
    /// Default `dataDir`.
    public static let defaultDataDir = "./data"
    /// Default `shutdownGracePeriod`.
    public static let defaultShutdownGracePeriod = Duration.milliseconds(10_000)
    /// Default `maxSpoolBytes`: 1 GiB per exporter.
    public static let defaultMaxSpoolBytes = 1024 * 1024 * 1024

    /// `server.*` (and the legacy `listen` / `monitoringPort`).
    public var server: ServerConfiguration
    /// `logLevel`.
    public var logLevel: LogLevel
    /// `logFormat`.
    public var logFormat: LogFormat
    /// `envVariablePrefix` (already applied by the loader).
    public var envVariablePrefix: String
    /// `dataDir`: where the event spool lives.
    public var dataDir: String
    /// `shutdownGracePeriod`: how long a shutdown may take to drain.
    public var shutdownGracePeriod: Duration
    /// `durability`: when an accepted request counts as stored (every exporter's spool).
    public var durability: Durability
    /// `maxSpoolBytes`: size cap of each exporter's spool, in bytes; at least
    /// `collector.maxBodyBytes`. Not used with ``Durability/memory`` (`collector.maxQueueBytes`
    /// bounds the in-memory log then).
    public var maxSpoolBytes: Int
    /// `whenFull`: what a full spool does with new requests.
    public var whenFull: SpoolFullPolicy
    /// `collector.*`.
    public var collector: CollectorConfiguration
    /// `authorizedKeys`, `apiKeys`, `disableVersionHeader`.
    public var access = AccessConfiguration()
    /// `exporter` followed by the `exporters` list.
    public var exporters: [ExporterConfiguration]
    /// `retriever` followed by the `retrievers` list, as written (decoded in ``flagRetrieval``).
    public var retrievers: [RawConfigSection]
    /// The typed retrievers and retrieval settings (`pollingInterval`, `fileFormat`, ...).
    public var flagRetrieval = FlagRetrievalConfiguration()
    /// GOFF keys accepted but not used yet (`authorizedKeys`, `pollingInterval`, `server.mode`, ...),
    /// undecoded, by key path. Retrievers are in ``retrievers``.
    public var deferredSettings: [String: ConfigNode]
    /// The file the configuration was read from, if any.
    public var sourceFile: String?
    /// Warnings found while loading (ignored or unknown keys, ...).
    public var warnings: [ConfigDiagnostic]

    /// Creates a configuration; every parameter defaults to the configuration default.
    public init(
        server: ServerConfiguration = ServerConfiguration(),
        logLevel: LogLevel = .info,
        logFormat: LogFormat = .json,
        envVariablePrefix: String = "",
        dataDir: String = defaultDataDir,
        shutdownGracePeriod: Duration = defaultShutdownGracePeriod,
        durability: Durability = .fsync,
        maxSpoolBytes: Int = defaultMaxSpoolBytes,
        whenFull: SpoolFullPolicy = .reject,
        collector: CollectorConfiguration = CollectorConfiguration(),
        exporters: [ExporterConfiguration] = [],
        retrievers: [RawConfigSection] = [],
        deferredSettings: [String: ConfigNode] = [:],
        sourceFile: String? = nil,
        warnings: [ConfigDiagnostic] = []
    ) {
        self.server = server
        self.logLevel = logLevel
        self.logFormat = logFormat
        self.envVariablePrefix = envVariablePrefix
        self.dataDir = dataDir
        self.shutdownGracePeriod = shutdownGracePeriod
        self.durability = durability
        self.maxSpoolBytes = maxSpoolBytes
        self.whenFull = whenFull
        self.collector = collector
        self.exporters = exporters
        self.retrievers = retrievers
        self.deferredSettings = deferredSettings
        self.sourceFile = sourceFile
        self.warnings = warnings
    }

    /// The Kinesis exporters, in order.
    public var kinesisExporters: [KinesisExporterConfiguration] {
        exporters.map { exporter in
            switch exporter {
            case .kinesis(let kinesis): kinesis
            }
        }
    }
}
