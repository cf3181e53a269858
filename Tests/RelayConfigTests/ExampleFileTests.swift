// SPDX-License-Identifier: Apache-2.0

import Foundation
import RelayConfig
import Testing

@Suite struct ExampleFileTests {
    /// `goff-proxy.yaml.example` at the repository root.
    private static let examplePath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("goff-proxy.yaml.example").path

    private let arn = "arn:aws:kinesis:eu-west-1:123456789012:stream/goff-events"

    @Test func exampleLoadsWithoutWarnings() throws {
        let config = try ConfigLoader(environment: [:], searchDirectories: []).load(path: Self.examplePath)
        #expect(config.warnings.isEmpty, "\(config.warnings)")
        #expect(try onlyKinesis(config) == KinesisExporterConfiguration(streamARN: arn))
        #expect(config.server == ServerConfiguration())
        #expect(config.collector == CollectorConfiguration())
        #expect(config.dataDir == RelayConfiguration.defaultDataDir)
        #expect(config.shutdownGracePeriod == RelayConfiguration.defaultShutdownGracePeriod)
        #expect(config.durability == .fsync)
        #expect(config.maxSpoolBytes == RelayConfiguration.defaultMaxSpoolBytes)
        #expect(config.whenFull == .reject)
    }

    /// The commented-out exporter settings show the defaults: uncommenting them changes nothing.
    @Test func commentedKinesisSettingsAreTheDefaults() throws {
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        let keys = [
            "eventType", "partitionKey", "maxBatchBytes", "maxBatchRecords", "maxRecordBytes", "requestTimeout",
            "connectTimeout", "maxConcurrentCalls", "retryBaseDelay", "retryMaxDelay", "parkedRetryInterval",
        ]
        var uncommented = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for key in keys where line.hasPrefix("  # \(key): ") {
                uncommented += 1
                return "  " + line.dropFirst(4)
            }
            return String(line)
        }
        #expect(uncommented == keys.count)
        let config = try loadConfig(lines.joined(separator: "\n"))
        #expect(try onlyKinesis(config) == KinesisExporterConfiguration(streamARN: arn))
    }

    /// The commented-out `partitionKeyFrom` example works on its own (without `partitionKey`).
    @Test func commentedPartitionKeyFromExampleLoads() throws {
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("  # partitionKeyFrom: ") ? "  " + line.dropFirst(4) : String(line)
        }
        #expect(lines.count { $0.hasPrefix("  partitionKeyFrom: ") } == 1)
        let config = try loadConfig(lines.joined(separator: "\n"))
        #expect(try onlyKinesis(config).partitionKeySource == .userKey)
        #expect(config.warnings.isEmpty)
    }
}
