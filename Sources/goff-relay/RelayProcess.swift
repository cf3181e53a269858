// SPDX-License-Identifier: Apache-2.0

import AWSAuth
import CurlTransport
import EventSpool
import KinesisExporter
import Logging
import NIOCore
import NIOPosix
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
    let dispatcher: EventDispatcher

    /// A start-up problem, reported in one line and a non-zero exit.
    struct StartupError: Error, CustomStringConvertible {
        var description: String
    }

    init(configuration: RelayConfiguration, environment: [String: String], logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let credentials = EnvironmentCredentialProvider(environment: environment)
        let transport = CurlHTTPClient()
        var senders: [KinesisSender] = []
        var targets: [ExportTarget] = []
        for exporter in configuration.exporters {
            guard case .kinesis(let kinesis) = exporter else { continue }
            let plan = try KinesisExporterPlan(configuration: kinesis, environment: environment)
            let log = try Self.makeLog(for: plan, configuration: configuration, logger: logger)
            let client = PutRecordsClient(settings: plan.settings, transport: transport, credentials: credentials)
            let sender = KinesisSender(
                configuration: plan.senderConfiguration(drainTimeout: configuration.shutdownGracePeriod),
                log: log,
                client: client,
                deadLetters: DeadLetterFile(path: plan.deadLetterPath(dataDir: configuration.dataDir)),
                logger: logger)
            senders.append(sender)
            targets.append(
                ExportTarget(
                    name: plan.name, eventKind: kinesis.eventType == .tracking ? .tracking : .feature, log: log,
                    partitionKey: plan.partitionKeyStrategy))
            logger.info(
                "exporter ready",
                metadata: [
                    "goff.exporter": .string(plan.name), "goff.stream": .string(plan.streamDescription),
                    "goff.endpoint": .string(plan.settings.url), "goff.region": .string(plan.settings.signingRegion),
                ])
        }
        if targets.isEmpty {
            logger.warning("no exporter configured: collected events are accepted and dropped, as GOFF does")
        }
        self.transport = transport
        self.senders = senders
        self.dispatcher = EventDispatcher(targets: targets)
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
            maxBodyBytes: configuration.collector.maxBodyBytes)
        let logger = self.logger
        let app = RelayApplication.make(
            settings: settings, dispatcher: dispatcher, eventLoopGroup: eventLoopGroup, logger: logger,
            onListening: { port in
                logger.info(
                    "goff-relay listening",
                    metadata: ["goff.host": .string(settings.host), "goff.port": .stringConvertible(port)])
            })
        var services: [any Service] = senders
        services.append(app)
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

    private func shutdown(_ eventLoopGroup: MultiThreadedEventLoopGroup) async {
        await transport.shutdown()
        try? await eventLoopGroup.shutdownGracefully()
    }
}
