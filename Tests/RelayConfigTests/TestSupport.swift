// SPDX-License-Identifier: Apache-2.0

import Foundation
import RelayConfig
import Testing

/// Loads `yaml` with `environment`, expecting success.
func loadConfig(
    _ yaml: String, environment: [String: String] = [:], file: String = "goff-proxy.yaml"
) throws -> RelayConfiguration {
    try ConfigLoader(environment: environment, searchDirectories: []).load(contents: yaml, sourceFile: file)
}

/// Loads `yaml` with `environment`, expecting a ``ConfigError``; returns it (or records a failure).
func loadError(
    _ yaml: String, environment: [String: String] = [:], file: String = "goff-proxy.yaml",
    sourceLocation: SourceLocation = #_sourceLocation
) -> ConfigError? {
    do {
        let configuration = try ConfigLoader(environment: environment, searchDirectories: [])
            .load(contents: yaml, sourceFile: file)
        Issue.record("expected an error, got \(configuration)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// The only Kinesis exporter of a configuration.
func onlyKinesis(
    _ configuration: RelayConfiguration, sourceLocation: SourceLocation = #_sourceLocation
) throws -> KinesisExporterConfiguration {
    try #require(configuration.kinesisExporters.count == 1, sourceLocation: sourceLocation)
    return configuration.kinesisExporters[0]
}

/// A minimal valid exporter block.
let minimalExporter = """
    exporter:
      kind: kinesis
      streamName: goff
    """

/// A fresh temporary directory, removed by the caller.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("relayconfig-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
