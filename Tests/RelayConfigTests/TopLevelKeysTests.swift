// SPDX-License-Identifier: Apache-2.0

import RelayConfig
import Testing

@Suite struct TopLevelKeysTests {
    @Test func everyTopLevelKeyIsRead() throws {
        let config = try loadConfig(
            """
            server:
              host: 127.0.0.1
              port: 8080
              monitoringPort: 9090
            logLevel: DEBUG
            logFormat: LogFmt
            envVariablePrefix: GOFF_
            dataDir: /var/lib/goff-relay
            shutdownGracePeriod: 2500
            collector:
              maxBodyBytes: 1024
              maxQueueBytes: 4096
            """)
        #expect(config.server == ServerConfiguration(host: "127.0.0.1", port: 8080, monitoringPort: 9090))
        #expect(config.logLevel == .debug)
        #expect(config.logFormat == .logfmt)
        #expect(config.envVariablePrefix == "GOFF_")
        #expect(config.dataDir == "/var/lib/goff-relay")
        #expect(config.shutdownGracePeriod == .milliseconds(2500))
        #expect(config.collector == CollectorConfiguration(maxBodyBytes: 1024, maxQueueBytes: 4096))
    }

    @Test func legacyListenSetsThePort() throws {
        #expect(try loadConfig("listen: 8081").server.port == 8081)
    }

    @Test func serverPortWinsOverListenWithAWarning() throws {
        let config = try loadConfig("server:\n  port: 8082\nlisten: 8081\n")
        #expect(config.server.port == 8082)
        #expect(config.warnings.contains { $0.keyPath == "listen" && $0.line == 3 })
    }

    @Test func legacyMonitoringPort() throws {
        #expect(try loadConfig("monitoringPort: 1032").server.monitoringPort == 1032)
        let both = try loadConfig("monitoringPort: 1032\nserver:\n  monitoringPort: 1033\n")
        #expect(both.server.monitoringPort == 1033)
    }

    @Test func monitoringPortZeroMeansSamePort() throws {
        #expect(try loadConfig("server:\n  monitoringPort: 0").server.monitoringPort == nil)
    }

    @Test(arguments: ["debug", "info", "warn", "error", "dpanic", "panic", "fatal", "Warn", "ERROR"])
    func everyZapLevelIsAccepted(level: String) throws {
        let config = try loadConfig("logLevel: \(level)")
        #expect(config.logLevel.rawValue == level.lowercased())
    }

    @Test func unknownLevelUsesGOFFMessage() throws {
        let error = try #require(loadError("logLevel: verbose"))
        #expect(error.errors.map(\.message) == ["unrecognized level: \"verbose\""])
        #expect(error.errors.first?.keyPath == "logLevel")
    }

    @Test func unknownLogFormatUsesGOFFMessage() throws {
        let error = try #require(loadError("logFormat: text"))
        #expect(error.errors.map(\.message) == ["invalid log format text"])
    }

    @Test func portOutOfRangeIsAnError() throws {
        let error = try #require(loadError("server:\n  port: 70000"))
        #expect(error.errors.first?.keyPath == "server.port")
        #expect(error.errors.first?.message == "must be an integer between 0 and 65535, found 70000")
    }

    @Test func portMustBeAnInteger() throws {
        let error = try #require(loadError("server:\n  port: abc"))
        #expect(error.errors.first?.message == "must be an integer between 0 and 65535, found \"abc\"")
    }

    @Test func quotedNumberIsWeaklyTyped() throws {
        #expect(try loadConfig("server:\n  port: \"8080\"").server.port == 8080)
    }

    @Test func emptyDataDirIsAnError() throws {
        let error = try #require(loadError("dataDir: \"\""))
        #expect(error.errors.first?.keyPath == "dataDir")
    }

    @Test func negativeGracePeriodIsAnError() throws {
        let error = try #require(loadError("shutdownGracePeriod: -1"))
        #expect(error.errors.first?.keyPath == "shutdownGracePeriod")
    }

    @Test func queueSmallerThanBodyIsAnError() throws {
        let error = try #require(loadError("collector:\n  maxQueueBytes: 1000\n"))
        #expect(error.errors.first?.keyPath == "collector.maxQueueBytes")
        #expect(error.errors.first?.line == 2)
    }

    @Test func keysMatchIgnoringCase() throws {
        let config = try loadConfig("LogLevel: warn\nSERVER:\n  Port: 1234\n")
        #expect(config.logLevel == .warn)
        #expect(config.server.port == 1234)
    }

    @Test func exactCaseWinsOverCaseInsensitiveDuplicate() throws {
        let config = try loadConfig("loglevel: error\nlogLevel: warn\n")
        #expect(config.logLevel == .warn)
        #expect(config.warnings.contains { $0.keyPath == "loglevel" && $0.message.contains("same key") })
    }

    @Test func rootMustBeAMapping() throws {
        let error = try #require(loadError("- a\n- b\n"))
        #expect(error.code == .invalidConfiguration)
        #expect(error.errors.first?.message.contains("must be a mapping") == true)
    }
}
