// SPDX-License-Identifier: Apache-2.0

import AWSAuth
import CurlTransport
import EventSpool
import FlagRetrieval
import Foundation
import KinesisExporter
import Logging
import Metrics
import NIOCore
import NIOPosix
import Prometheus
import RelayConfig
import RelayServer
import ServiceLifecycle
import UnixSignals

/// The composition root: builds every service from one validated configuration and runs them in one
/// `ServiceGroup`. The exporters are listed before the HTTP server, so on SIGTERM the server stops
/// accepting first and the exporters drain last.
struct RelayProcess {
    let configuration: RelayConfiguration
    let logger: Logger
    let transport: CurlHTTPClient
    let senders: [KinesisSender]
    let logs: [(name: String, log: any EventLog)]
    let dispatcher: EventDispatcher
    let keys: APIKeyStore
    let registry: PrometheusCollectorRegistry
    let environment: [String: String]
    let flags: FlagRetrievalPlan

    /// A start-up problem, reported in one line and a non-zero exit.
    struct StartupError: Error, CustomStringConvertible {
        var description: String
    }

    init(
        configuration: RelayConfiguration, environment: [String: String], registry: PrometheusCollectorRegistry,
        logger: Logger
    ) async throws {
        self.configuration = configuration
        self.logger = logger
        self.registry = registry
        self.environment = environment
        let transport = CurlHTTPClient(
            configuration: .init(
                connectTimeout: configuration.kinesisExporters.first?.connectTimeout ?? .seconds(5)))
        let http = CurlCredentialHTTPClient(transport: transport)
        let shared = try SharedConfiguration.load(environment: environment)
        for warning in shared.warnings {
            logger.warning("AWS shared config: \(warning)")
        }
        let imds =
            IMDSClient.isDisabled(environment: environment)
            ? nil : try? IMDSClient(environment: environment, configuration: shared, http: http)
        let skew = ClockSkew()
        var senders: [KinesisSender] = []
        var targets: [ExportTarget] = []
        var logs: [(name: String, log: any EventLog)] = []
        var credentials: DefaultCredentialChain?
        for exporter in configuration.exporters {
            guard case .kinesis(let kinesis) = exporter else { continue }
            let plan = try await KinesisExporterPlan(
                configuration: kinesis, environment: environment, shared: shared, imds: imds)
            if credentials == nil {
                let chain = try DefaultCredentialChain(
                    environment: environment, configuration: shared, region: plan.region.region, http: http,
                    settings: .init(
                        signingClock: { skew.now() },
                        observer: { event in logger.info("AWS credentials: \(event)") }))
                logger.info("AWS credentials from \(chain.source)")
                credentials = chain
            }
            guard let credentials else { continue }
            let log = try Self.makeLog(for: plan, configuration: configuration, logger: logger)
            let client = PutRecordsClient(
                settings: plan.settings, transport: transport, credentials: credentials,
                now: { skew.now() }, clockSkew: skew)
            let sender = KinesisSender(
                configuration: plan.senderConfiguration(drainTimeout: configuration.shutdownGracePeriod),
                log: log,
                client: client,
                deadLetters: DeadLetterFile(path: plan.deadLetterPath(dataDir: configuration.dataDir)),
                logger: logger)
            senders.append(sender)
            logs.append((plan.name, log))
            targets.append(
                ExportTarget(
                    name: plan.name, eventKind: kinesis.eventType == .tracking ? .tracking : .feature, log: log,
                    partitionKey: plan.partitionKeyStrategy))
            logger.info(
                "exporter ready",
                metadata: [
                    "goff.exporter": .string(plan.name), "goff.stream": .string(plan.streamDescription),
                    "goff.endpoint": .string(plan.settings.url), "goff.region": .string(plan.settings.signingRegion),
                    "goff.region_source": .string(plan.region.source),
                ])
        }
        if targets.isEmpty {
            logger.warning("no exporter configured: collected events are accepted and dropped, as GOFF does")
        }
        self.transport = transport
        self.senders = senders
        self.logs = logs
        self.dispatcher = EventDispatcher(targets: targets)
        self.keys = APIKeyStore(
            evaluation: configuration.access.evaluationKeys, admin: configuration.access.adminKeys)
        let flags = FlagRetrievalPlan(configuration: configuration.flagRetrieval, transport: transport, logger: logger)
        self.flags = flags
        if let service = flags.service {
            do {
                try await service.initialLoad()
            } catch {
                throw StartupError(description: error.message)
            }
            logger.info("flags loaded", metadata: ["goff.flags": .stringConvertible(flags.source.store.flags.count)])
        }
    }

    /// The exporter's hand-off log: a durable spool in `dataDir/spool/<exporter>` unless
    /// `durability: memory`.
    static func makeLog(
        for plan: KinesisExporterPlan, configuration: RelayConfiguration, logger: Logger
    ) throws -> any EventLog {
        let durability = EventLogDurability(rawValue: configuration.durability.rawValue) ?? .fsync
        let whenFull = FileEventSpool.WhenFull(rawValue: configuration.whenFull.rawValue) ?? .reject
        let directory = plan.spoolDirectory(dataDir: configuration.dataDir)
        let maxBytes = durability == .memory ? configuration.collector.maxQueueBytes : configuration.maxSpoolBytes
        var spoolLogger = logger
        spoolLogger[metadataKey: "goff.exporter"] = .string(plan.name)
        let log = try EventLogFactory.make(
            directory: directory, durability: durability, maxBytes: maxBytes, whenFull: whenFull, logger: spoolLogger)
        logger.info(
            "exporter log opened",
            metadata: [
                "goff.exporter": .string(plan.name), "goff.durability": .string(durability.rawValue),
                "goff.directory": .string(durability == .memory ? "(memory)" : directory),
                "goff.max_bytes": .stringConvertible(maxBytes),
            ])
        return log
    }

    func run() async throws {
        let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let settings = RelayApplication.Settings(
            host: configuration.server.host, port: configuration.server.port,
            maxBodyBytes: configuration.collector.maxBodyBytes, monitoringPort: configuration.server.monitoringPort,
            versionHeader: configuration.access.disableVersionHeader ? nil : RelayVersion.current)
        let logger = self.logger
        let notifier = SystemdNotifier(environment: environment)
        let http = RelayApplication.makeServices(
            settings: settings, dispatcher: dispatcher, keys: keys, status: status(), eventLoopGroup: eventLoopGroup,
            logger: logger, evaluation: flags.routes,
            onListening: { port in
                logger.info(
                    "goff-relay listening",
                    metadata: ["goff.host": .string(settings.host), "goff.port": .stringConvertible(port)])
                do {
                    try notifier.ready()
                } catch {
                    logger.warning("systemd READY=1 not sent", metadata: ["goff.error": .string("\(error)")])
                }
            })
        // Services stop in reverse order: the STOPPING=1 notice goes first, then the reloader and the
        // HTTP servers stop accepting, the exporters drain, and the watchdog keeps pinging until the end.
        var services: [any Service] = [SystemdWatchdogService(notifier: notifier, logger: logger)]
        services += senders
        if let refresh = flags.service { services.append(refresh) }
        services.append(contentsOf: http)
        if let path = configuration.sourceFile {
            services.append(
                ConfigReloader(
                    path: path, environment: environment, running: configuration, keys: keys, logger: logger))
        }
        services.append(SystemdStoppingService(notifier: notifier, logger: logger))
        let group = ServiceGroup(
            configuration: .init(
                services: services.map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        do {
            try await group.run()
        } catch {
            logger.error("stopped with an error: \(error)")
            await shutdown(eventLoopGroup)
            throw error
        }
        await shutdown(eventLoopGroup)
        logger.info("goff-relay stopped")
    }

    /// The hooks behind `/info` and `/metrics`.
    func status() -> RelayStatus {
        let started = Date().formatted(.iso8601)
        let senders = self.senders
        let logs = self.logs
        let registry = self.registry
        let store = flags.source.store
        let exporters: @Sendable () async -> [ExporterInfo] = {
            var infos: [ExporterInfo] = []
            for (sender, entry) in zip(senders, logs) {
                let stats = await entry.log.statistics()
                let status = sender.status
                infos.append(
                    ExporterInfo(
                        name: entry.name, pendingRecords: stats.pendingRecords, pendingBytes: stats.pendingBytes,
                        capacityBytes: stats.capacityBytes, recordsSent: status.recordsSent,
                        recordFailures: status.recordFailures, callFailures: status.callFailures,
                        deadLettered: status.deadLettered, lastSuccess: status.lastSuccess?.formatted(.iso8601),
                        lastError: status.lastError))
            }
            return infos
        }
        return RelayStatus(
            cacheRefresh: { store.cacheRefresh?.formatted(.iso8601) ?? started },
            exporters: exporters,
            metricsText: {
                for info in await exporters() {
                    let dimensions = [("exporter", info.name)]
                    Gauge(label: "goff_relay_exporter_spool_records", dimensions: dimensions)
                        .record(info.pendingRecords)
                    Gauge(label: "goff_relay_exporter_spool_bytes", dimensions: dimensions).record(info.pendingBytes)
                }
                var bytes: [UInt8] = []
                registry.emit(into: &bytes)
                return bytes
            })
    }

    private func shutdown(_ eventLoopGroup: MultiThreadedEventLoopGroup) async {
        await transport.shutdown()
        try? await eventLoopGroup.shutdownGracefully()
    }
}
