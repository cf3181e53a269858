// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Logging
import Metrics
import Prometheus
import RelayConfig
import RelayServer

/// `goff-relay [run] --config PATH`: runs the relay until SIGTERM or SIGINT.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run the relay (the default command).")

    @Option(
        name: .long, help: "Path of goff-proxy.yaml (default: ./, /goff/, /etc/opt/goff/ × goff-proxy.{yaml,yml,json})."
    )
    var config: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration: RelayConfiguration
        do {
            configuration = try ConfigLoader(environment: environment).load(path: config)
        } catch {
            Self.fail("configuration error:\n\(error.description)")
        }
        let level = Self.level(configuration.logLevel)
        let format: RelayLogHandler.Format = configuration.logFormat == .logfmt ? .logfmt : .json
        LoggingSystem.bootstrap { label in RelayLogHandler(label: label, level: level, format: format) }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let logger = Logger(label: "goff-relay")
        for warning in configuration.warnings {
            logger.warning("configuration: \(warning)")
        }
        let relay: RelayProcess
        do {
            relay = try await RelayProcess(
                configuration: configuration, environment: environment, registry: registry, logger: logger)
        } catch {
            logger.critical("cannot start: \(error)")
            Self.fail("cannot start: \(error)")
        }
        try await relay.run()
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("goff-relay: " + message + "\n").utf8))
        Foundation.exit(1)
    }

    static func level(_ level: LogLevel) -> Logger.Level {
        switch level {
        case .debug: .debug
        case .info: .info
        case .warn: .warning
        case .error: .error
        default: .critical
        }
    }
}
