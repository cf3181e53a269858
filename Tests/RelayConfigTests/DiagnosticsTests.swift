// SPDX-License-Identifier: Apache-2.0

import RelayConfig
import Testing

@Suite struct DiagnosticsTests {
    @Test func allErrorsAreCollectedWithLinesAndColumns() throws {
        let error = try #require(
            loadError(
                """
                server:
                  port: -1
                logLevel: loud
                logFormat: xml
                exporters:
                  - kind: kinesis
                    streamArn: arn:aws:kinesis:eu-west-1:123:stream/goff
                    partitionKey: ""
                """))
        #expect(error.code == .invalidConfiguration)
        let errors = error.errors
        #expect(
            errors.map(\.keyPath) == [
                "server.port", "logLevel", "logFormat", "exporters[0].streamArn", "exporters[0].partitionKey",
            ])
        #expect(errors.map(\.line) == [2, 3, 4, 7, 8])
        #expect(errors.map(\.column) == [9, 11, 12, 16, 19])
        #expect(errors.allSatisfy { $0.file == "goff-proxy.yaml" && $0.severity == .error })
    }

    @Test func descriptionIsOneLinePerDiagnostic() throws {
        let error = try #require(
            loadError(
                """
                exporters:
                  - kind: kinesis
                    streamArn: arn:aws:kinesis:eu-west-1:123456789012:queue/goff
                """))
        #expect(
            error.description
                == "goff-proxy.yaml:3:16: exporters[0].streamArn: exporter at index 0 validation failed: "
                + "invalid stream ARN \"arn:aws:kinesis:eu-west-1:123456789012:queue/goff\": "
                + "resource must be \"stream/<name>\", found \"queue/goff\"")
    }

    @Test func warningsComeAfterErrorsInTheError() throws {
        let error = try #require(loadError("mystery: 1\nlogLevel: loud\n"))
        #expect(error.diagnostics.map(\.severity) == [.error, .warning, .warning])
        #expect(error.diagnostics[1].description == "goff-proxy.yaml:1:1: warning: mystery: unknown key; ignored")
    }

    @Test func unknownKeysAreWarningsNotErrors() throws {
        let config = try loadConfig(minimalExporter + "\nmystery: 1\nserver:\n  colour: blue\ncollector:\n  x: 1\n")
        #expect(config.warnings.map(\.keyPath) == ["mystery", "server.colour", "collector.x"])
        #expect(config.warnings.allSatisfy { $0.message == "unknown key; ignored" })
        #expect(config.warnings.map(\.line) == [4, 6, 8])
    }

    @Test func knownButUnusedKeysAreWarned() throws {
        let config = try loadConfig(
            minimalExporter
                + "\npollingInterval: 1000\nauthorizedKeys:\n  evaluation: [a]\nserver:\n  mode: http\n"
                + "retrievers:\n  - kind: file\n    path: /f\n")
        let warned = config.warnings.filter { $0.message == "accepted, not used by goff-relay yet" }
        #expect(warned.map(\.keyPath) == ["server.mode"])
    }

    @Test func debugKeyGetsAHint() throws {
        let config = try loadConfig(minimalExporter + "\ndebug: true\n")
        #expect(config.warnings.first?.message.contains("logLevel: debug") == true)
    }

    @Test func environmentDiagnosticsSortAfterFileOnes() throws {
        let error = try #require(loadError("logLevel: loud\n", environment: ["SERVER_PORT": "x"]))
        #expect(error.errors.map(\.keyPath) == ["logLevel", "server.port"])
    }

    @Test func diagnosticDescriptionWithoutLocation() {
        let diagnostic = ConfigDiagnostic(file: nil, keyPath: "", message: "boom", severity: .error)
        #expect(diagnostic.description == "boom")
    }
}
