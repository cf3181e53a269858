// SPDX-License-Identifier: Apache-2.0

import RelayConfig
import Testing

@Suite struct ExporterListTests {
    @Test func singularExporterComesBeforeTheList() throws {
        let config = try loadConfig(
            """
            exporters:
              - kind: kinesis
                streamName: second
              - kind: kinesis
                streamName: third
            exporter:
              kind: kinesis
              streamName: first
            """)
        let kinesis = config.kinesisExporters
        #expect(kinesis.map(\.streamName) == ["first", "second", "third"])
        #expect(kinesis.map(\.keyPath) == ["exporter", "exporters[0]", "exporters[1]"])
        #expect(kinesis.map(\.index) == [0, 1, 2])
        #expect(config.exporters.map(\.keyPath) == ["exporter", "exporters[0]", "exporters[1]"])
    }

    @Test func listErrorsCarryGOFFIndexPrefix() throws {
        let error = try #require(
            loadError(
                """
                exporters:
                  - kind: kinesis
                    streamName: ok
                  - kind: kinesis
                """))
        #expect(
            error.errors.map(\.message) == [
                "exporter at index 1 validation failed: invalid exporter: no \"streamArn\" or \"streamName\" "
                    + "property found for kind \"kinesis\""
            ])
        #expect(error.errors.first?.keyPath == "exporters[1]")
        #expect(error.errors.first?.line == 4)
        #expect(error.errors.first?.column == 5)
    }

    @Test func singularExporterErrorsAreNotPrefixed() throws {
        let error = try #require(loadError("exporter:\n  kind: kinesis\n  streamName: s\n  maxBatchRecords: 501\n"))
        #expect(error.errors.first?.message.hasPrefix("must be an integer between 1 and 500") == true)
    }

    @Test func unknownKindListsSupportedKinds() throws {
        let error = try #require(loadError("exporter:\n  kind: carrier-pigeon\n"))
        #expect(
            error.errors.map(\.message) == [
                "invalid exporter: kind \"carrier-pigeon\" is not supported; goff-relay supports: kinesis"
            ])
        #expect(error.errors.first?.keyPath == "exporter.kind")
        #expect(error.errors.first?.line == 2)
        #expect(error.errors.first?.column == 9)
    }

    @Test(arguments: [
        "file", "webhook", "log", "s3", "googleStorage", "sqs", "kafka", "pubsub", "bigquery", "azureBlobStorage",
        "opentelemetry",
    ])
    func goffKindsGetAClearerMessage(kind: String) throws {
        let error = try #require(loadError("exporters:\n  - kind: \(kind)\n"))
        #expect(
            error.errors.first?.message
                == "exporter at index 0 validation failed: invalid exporter: kind \"\(kind)\" is supported by "
                + "GO Feature Flag but not (yet) by goff-relay; goff-relay supports: kinesis")
    }

    @Test func kindIsCaseSensitiveWithAHint() throws {
        let error = try #require(loadError("exporter:\n  kind: Kinesis\n  streamName: s\n"))
        #expect(error.errors.first?.message.contains("did you mean \"kinesis\"") == true)
    }

    @Test func missingKind() throws {
        let error = try #require(loadError("exporter:\n  streamName: s\n"))
        #expect(error.errors.first?.message.contains("kind \"\" is not supported") == true)
        #expect(error.errors.first?.keyPath == "exporter")
    }

    @Test func exporterMustBeAMapping() throws {
        let error = try #require(loadError("exporters:\n  - kinesis\n"))
        #expect(error.errors.first?.keyPath == "exporters[0]")
        #expect(error.errors.first?.message.contains("must be a mapping") == true)
    }

    @Test func exportersAsASingleMappingIsLifted() throws {
        let config = try loadConfig("exporters:\n  kind: kinesis\n  streamName: s\n")
        #expect(config.kinesisExporters.map(\.streamName) == ["s"])
        #expect(config.warnings.contains { $0.keyPath == "exporters" && $0.message.contains("should be a list") })
    }

    @Test func exportersAsAScalarIsAnError() throws {
        #expect(loadError("exporters: kinesis\n")?.errors.first?.keyPath == "exporters")
    }

    @Test func everyInvalidExporterIsReported() throws {
        let error = try #require(
            loadError(
                """
                exporter:
                  kind: kinesis
                exporters:
                  - kind: s3
                  - kind: kinesis
                    streamName: s
                    maxBatchRecords: 0
                """))
        #expect(error.errors.map(\.keyPath) == ["exporter", "exporters[0].kind", "exporters[1].maxBatchRecords"])
        #expect(error.errors.map(\.line) == [2, 4, 7])
    }
}
