// SPDX-License-Identifier: Apache-2.0

import Foundation
import RelayConfig
import Testing

@Suite struct DiscoveryTests {
    private func write(_ text: String, to directory: URL, _ name: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test func firstDirectoryWinsThenExtensionOrder() throws {
        let first = try makeTemporaryDirectory()
        let second = try makeTemporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        try write("listen: 2001", to: second, "goff-proxy.yaml")
        try write("listen: 1002", to: first, "goff-proxy.json")
        try write("listen: 1001", to: first, "goff-proxy.yml")
        let loader = ConfigLoader(environment: [:], searchDirectories: [first.path, second.path])
        let config = try loader.load(path: nil)
        #expect(config.server.port == 1001)
        #expect(config.sourceFile == first.path + "/goff-proxy.yml")

        try write("listen: 1000", to: first, "goff-proxy.yaml")
        #expect(try loader.load(path: nil).server.port == 1000)
    }

    @Test func laterDirectoryIsUsedWhenEarlierIsEmpty() throws {
        let first = try makeTemporaryDirectory()
        let second = try makeTemporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        try write("{\"listen\": 3003}", to: second, "goff-proxy.json")
        let loader = ConfigLoader(environment: [:], searchDirectories: [first.path + "/", second.path + "/"])
        #expect(try loader.load(path: nil).server.port == 3003)
    }

    @Test func nothingFoundIsAnError() throws {
        let empty = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        try write("listen: 1", to: empty, "goff-proxy.toml")
        let loader = ConfigLoader(environment: [:], searchDirectories: [empty.path])
        #expect(throws: ConfigError.self) { try loader.load(path: nil) }
        do {
            _ = try loader.load(path: nil)
        } catch {
            #expect(error.code == .fileNotFound)
            #expect(
                error.description.hasPrefix("impossible to find config file in the default locations [\(empty.path)]"))
            #expect(error.description.contains("goff-relay reads YAML or JSON only"))
        }
    }

    @Test func missingExplicitPathUsesGOFFMessage() {
        let loader = ConfigLoader(environment: [:], searchDirectories: [])
        let diagnostics = loader.validateOnly(path: "/nonexistent/goff-proxy.yaml")
        #expect(diagnostics.map(\.message) == ["impossible to find config file /nonexistent/goff-proxy.yaml"])
    }

    @Test func explicitPathIsRead() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(minimalExporter, to: directory, "custom.yaml")
        let path = directory.appendingPathComponent("custom.yaml").path
        let loader = ConfigLoader(environment: ["LOGLEVEL": "error"], searchDirectories: [])
        let config = try loader.load(path: path)
        #expect(config.sourceFile == path)
        #expect(config.logLevel == .error)
        #expect(loader.validateOnly(path: path).isEmpty)
    }

    @Test func errorsNameTheFileFound() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write("logLevel: loud\n", to: directory, "goff-proxy.yaml")
        let path = directory.appendingPathComponent("goff-proxy.yaml").path
        let diagnostics = ConfigLoader(environment: [:], searchDirectories: [directory.path]).validateOnly(path: nil)
        #expect(diagnostics.first?.description == "\(path):1:11: logLevel: unrecognized level: \"loud\"")
    }

    @Test func jsonConfigKeepsLineNumbers() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = """
            {
            \t"server": {"port": 8080},
            \t"exporters": [
            \t\t{"kind":"kinesis", "streamName":"ok"},
            \t\t{"kind": "kinesis", "streamArn": "arn:aws:kinesis:eu-west-1:1:stream/x"}
            \t]
            }
            """
        try write(json, to: directory, "goff-proxy.json")
        let loader = ConfigLoader(environment: [:], searchDirectories: [directory.path])
        let diagnostics = loader.validateOnly(path: nil).filter { $0.severity == .error }
        #expect(diagnostics.map(\.keyPath) == ["exporters[1].streamArn"])
        #expect(diagnostics.first?.line == 5)

        try write(json.replacingOccurrences(of: ":1:", with: ":123456789012:"), to: directory, "goff-proxy.json")
        let config = try loader.load(path: nil)
        #expect(config.server.port == 8080)
        #expect(config.kinesisExporters.count == 2)
    }

    @Test func directoryIsNotAConfigFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("goff-proxy.yaml"), withIntermediateDirectories: false)
        let loader = ConfigLoader(environment: [:], searchDirectories: [directory.path])
        #expect(loader.validateOnly(path: nil).first?.message.hasPrefix("impossible to find config file") == true)
    }

    @Test func invalidUTF8IsReported() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("goff-proxy.yaml")
        try Data([0x6C, 0x3A, 0x20, 0xFF, 0xFE]).write(to: url)
        let diagnostics = ConfigLoader(environment: [:], searchDirectories: []).validateOnly(path: url.path)
        #expect(diagnostics.first?.message == "the configuration file is not UTF-8 text")
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write("\u{FEFF}listen: 4444\n", to: directory, "goff-proxy.yaml")
        let config = try ConfigLoader(environment: [:], searchDirectories: [directory.path]).load(path: nil)
        #expect(config.server.port == 4444)
    }
}
