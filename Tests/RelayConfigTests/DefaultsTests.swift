// SPDX-License-Identifier: Apache-2.0

import RelayConfig
import Testing

@Suite struct DefaultsTests {
    @Test func emptyFileGivesEveryTopLevelDefault() throws {
        let config = try loadConfig("")
        #expect(config.server.host == "0.0.0.0")
        #expect(config.server.port == 1031)
        #expect(config.server.monitoringPort == nil)
        #expect(config.logLevel == .info)
        #expect(config.logFormat == .json)
        #expect(config.envVariablePrefix == "")
        #expect(config.dataDir == "./data")
        #expect(config.shutdownGracePeriod == .milliseconds(10_000))
        #expect(config.durability == .fsync)
        #expect(config.maxSpoolBytes == 1_073_741_824)
        #expect(config.whenFull == .reject)
        #expect(config.collector.maxBodyBytes == 16_777_216)
        #expect(config.collector.maxQueueBytes == 16_777_216)
        #expect(config.exporters.isEmpty)
        #expect(config.retrievers.isEmpty)
        #expect(config.deferredSettings.isEmpty)
        #expect(config.sourceFile == "goff-proxy.yaml")
    }

    @Test func nullDocumentIsLikeEmpty() throws {
        let config = try loadConfig("~\n")
        #expect(config.server.port == 1031)
    }

    @Test func missingExporterIsOnlyAWarning() throws {
        let config = try loadConfig("")
        #expect(config.warnings.contains { $0.keyPath == "exporters" && $0.message.contains("no exporter") })
    }

    @Test func kinesisDefaults() throws {
        let kinesis = try onlyKinesis(try loadConfig(minimalExporter))
        #expect(kinesis.streamName == "goff")
        #expect(kinesis.streamARN == nil)
        #expect(kinesis.partitionKey == "default")
        #expect(kinesis.partitionKeySource == .constant("default"))
        #expect(kinesis.explicitHashKey == nil)
        #expect(kinesis.eventType == .feature)
        #expect(kinesis.maxBatchBytes == 5_242_880)
        #expect(kinesis.maxBatchRecords == 500)
        #expect(kinesis.maxRecordBytes == 1_048_576)
        #expect(kinesis.requestTimeout == .milliseconds(10_000))
        #expect(kinesis.connectTimeout == .milliseconds(5_000))
        #expect(kinesis.maxConcurrentCalls == 4)
        #expect(kinesis.retryBaseDelay == .milliseconds(100))
        #expect(kinesis.retryMaxDelay == .milliseconds(20_000))
        #expect(kinesis.parkedRetryInterval == .milliseconds(30_000))
        #expect(kinesis.keyPath == "exporter")
        #expect(kinesis.index == 0)
    }

    @Test func minimalValidConfigHasNoWarnings() throws {
        let config = try loadConfig(minimalExporter)
        #expect(config.warnings.isEmpty)
    }

    @Test func memberwiseDefaultsMatchLoadedDefaults() throws {
        let built = RelayConfiguration()
        let loaded = try loadConfig("")
        #expect(built.server == loaded.server)
        #expect(built.collector == loaded.collector)
        #expect(built.dataDir == loaded.dataDir)
        #expect(built.shutdownGracePeriod == loaded.shutdownGracePeriod)
        #expect(built.durability == loaded.durability)
        #expect(built.maxSpoolBytes == loaded.maxSpoolBytes)
        #expect(built.whenFull == loaded.whenFull)
        #expect(loaded == RelayConfiguration(sourceFile: "goff-proxy.yaml", warnings: loaded.warnings))
        #expect(KinesisExporterConfiguration() == KinesisExporterConfiguration(keyPath: "exporter", index: 0))
    }
}
