// SPDX-License-Identifier: Apache-2.0

import RelayConfig
import Testing

/// `maxConcurrentCalls`, `retryBaseDelay`, `retryMaxDelay` and `parkedRetryInterval`.
@Suite struct KinesisDeliveryTests {
    /// A single exporter with `body` appended after `streamName` (line 4 is the first body line).
    private func exporter(_ body: String) -> String {
        "exporter:\n  kind: kinesis\n  streamName: s\n" + body
    }

    @Test func defaults() throws {
        let kinesis = try onlyKinesis(try loadConfig(exporter("")))
        #expect(kinesis.maxConcurrentCalls == 4)
        #expect(kinesis.retryBaseDelay == .milliseconds(100))
        #expect(kinesis.retryMaxDelay == .seconds(20))
        #expect(kinesis.parkedRetryInterval == .seconds(30))
        #expect(
            KinesisExporterConfiguration().maxConcurrentCalls == KinesisExporterConfiguration.defaultMaxConcurrentCalls)
    }

    @Test func everyKeyIsRead() throws {
        let kinesis = try onlyKinesis(
            try loadConfig(
                exporter(
                    "  maxConcurrentCalls: 8\n  retryBaseDelay: 50\n  retryMaxDelay: 60000\n"
                        + "  parkedRetryInterval: 1000\n")))
        #expect(kinesis.maxConcurrentCalls == 8)
        #expect(kinesis.retryBaseDelay == .milliseconds(50))
        #expect(kinesis.retryMaxDelay == .seconds(60))
        #expect(kinesis.parkedRetryInterval == .seconds(1))
    }

    @Test(arguments: [
        ("maxConcurrentCalls", 1), ("maxConcurrentCalls", 64), ("retryBaseDelay", 1), ("retryBaseDelay", 20_000),
        ("retryMaxDelay", 100), ("retryMaxDelay", 86_400_000), ("parkedRetryInterval", 1000),
        ("parkedRetryInterval", 86_400_000),
    ])
    func boundsAreInclusive(key: String, value: Int) throws {
        let config = try loadConfig(exporter("  \(key): \(value)\n"))
        #expect(config.warnings.isEmpty)
        let kinesis = try onlyKinesis(config)
        let read: Bool =
            switch key {
            case "maxConcurrentCalls": kinesis.maxConcurrentCalls == value
            case "retryBaseDelay": kinesis.retryBaseDelay == .milliseconds(value)
            case "retryMaxDelay": kinesis.retryMaxDelay == .milliseconds(value)
            default: kinesis.parkedRetryInterval == .milliseconds(value)
            }
        #expect(read, "\(key) was not read as \(value)")
    }

    @Test(arguments: [
        ("maxConcurrentCalls", "0", "must be an integer between 1 and 64, found 0"),
        ("maxConcurrentCalls", "65", "must be an integer between 1 and 64, found 65"),
        ("maxConcurrentCalls", "many", "must be an integer between 1 and 64, found \"many\""),
        ("retryBaseDelay", "0", "must be an integer between 1 and 86400000, found 0"),
        ("retryMaxDelay", "86400001", "must be an integer between 1 and 86400000, found 86400001"),
        ("retryMaxDelay", "99", "retryMaxDelay (99 ms) must be at least retryBaseDelay (100 ms)"),
        ("parkedRetryInterval", "999", "must be an integer between 1000 and 86400000, found 999"),
        ("parkedRetryInterval", "86400001", "must be an integer between 1000 and 86400000, found 86400001"),
        ("parkedRetryInterval", "2.5", "must be an integer between 1000 and 86400000, found 2.5"),
    ])
    func invalidValuesNameKeyAndLine(key: String, text: String, message: String) throws {
        let error = try #require(loadError(exporter("  \(key): \(text)\n")))
        #expect(error.errors.count == 1)
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.keyPath == "exporter.\(key)")
        #expect(diagnostic.line == 4)
        #expect(diagnostic.column == key.count + 5)
        #expect(diagnostic.message == message)
    }

    @Test func maxDelayBelowBaseBlamesTheMaxDelay() throws {
        let error = try #require(loadError(exporter("  retryBaseDelay: 500\n  retryMaxDelay: 200\n")))
        #expect(error.errors.count == 1)
        #expect(error.errors.first?.keyPath == "exporter.retryMaxDelay")
        #expect(error.errors.first?.line == 5)
        #expect(error.errors.first?.message == "retryMaxDelay (200 ms) must be at least retryBaseDelay (500 ms)")
    }

    @Test func baseAboveTheDefaultMaxDelayBlamesTheBase() throws {
        let error = try #require(loadError(exporter("  retryBaseDelay: 30000\n")))
        #expect(error.errors.count == 1)
        #expect(error.errors.first?.keyPath == "exporter.retryBaseDelay")
        #expect(error.errors.first?.line == 4)
        #expect(error.errors.first?.message == "retryMaxDelay (20000 ms) must be at least retryBaseDelay (30000 ms)")
    }

    @Test func equalDelaysAreValid() throws {
        let kinesis = try onlyKinesis(try loadConfig(exporter("  retryBaseDelay: 30000\n  retryMaxDelay: 30000\n")))
        #expect(kinesis.retryBaseDelay == kinesis.retryMaxDelay)
    }

    @Test func listErrorsCarryTheIndexPrefix() throws {
        let error = try #require(
            loadError("exporters:\n  - kind: kinesis\n    streamName: s\n    maxConcurrentCalls: 100\n"))
        #expect(error.errors.first?.keyPath == "exporters[0].maxConcurrentCalls")
        #expect(error.errors.first?.line == 4)
        #expect(
            error.errors.first?.message
                == "exporter at index 0 validation failed: must be an integer between 1 and 64, found 100")
    }

    @Test func environmentOverrides() throws {
        let config = try loadConfig(
            "exporters:\n  - kind: kinesis\n    streamName: s\n    maxConcurrentCalls: 2\n",
            environment: [
                "EXPORTERS_0_MAXCONCURRENTCALLS": "8", "EXPORTERS_0_RETRYBASEDELAY": "250",
                "EXPORTERS_0_RETRYMAXDELAY": "5000", "EXPORTERS_0_PARKEDRETRYINTERVAL": "60000",
            ])
        let kinesis = try onlyKinesis(config)
        #expect(kinesis.maxConcurrentCalls == 8)
        #expect(kinesis.retryBaseDelay == .milliseconds(250))
        #expect(kinesis.retryMaxDelay == .seconds(5))
        #expect(kinesis.parkedRetryInterval == .seconds(60))
        #expect(config.warnings.isEmpty)
    }

    @Test func singularExporterEnvironmentOverrides() throws {
        let config = try loadConfig(
            exporter(""), environment: ["EXPORTER_MAXCONCURRENTCALLS": "16", "EXPORTER_PARKEDRETRYINTERVAL": "1000"])
        #expect(try onlyKinesis(config).maxConcurrentCalls == 16)
        #expect(try onlyKinesis(config).parkedRetryInterval == .seconds(1))
    }

    @Test func badEnvironmentValueNamesTheVariable() throws {
        let error = try #require(loadError(exporter(""), environment: ["EXPORTER_RETRYMAXDELAY": "50"]))
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.environmentVariable == "EXPORTER_RETRYMAXDELAY")
        #expect(diagnostic.keyPath == "exporter.retryMaxDelay")
        #expect(diagnostic.message == "retryMaxDelay (50 ms) must be at least retryBaseDelay (100 ms)")
    }

    @Test func keysMatchIgnoringCase() throws {
        let config = try loadConfig(exporter("  MaxConcurrentCalls: 2\n  retrybasedelay: 10\n"))
        #expect(try onlyKinesis(config).maxConcurrentCalls == 2)
        #expect(try onlyKinesis(config).retryBaseDelay == .milliseconds(10))
        #expect(config.warnings.isEmpty)
    }
}
