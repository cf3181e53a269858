// SPDX-License-Identifier: Apache-2.0

import RelayConfig
import Testing

/// `partitionKey` and `partitionKeyFrom`.
@Suite struct PartitionKeySourceTests {
    /// A single exporter with `body` appended after `streamName` (line 4 is the first body line).
    private func exporter(_ body: String) -> String {
        "exporter:\n  kind: kinesis\n  streamName: s\n" + body
    }

    @Test func defaultIsTheConstantDefaultKey() throws {
        let kinesis = try onlyKinesis(try loadConfig(exporter("")))
        #expect(kinesis.partitionKeySource == .constant("default"))
        #expect(kinesis.partitionKey == "default")
    }

    @Test func partitionKeyIsAConstantSource() throws {
        let kinesis = try onlyKinesis(try loadConfig(exporter("  partitionKey: tenant-7\n")))
        #expect(kinesis.partitionKeySource == .constant("tenant-7"))
        #expect(kinesis.partitionKey == "tenant-7")
    }

    @Test(arguments: [
        ("userKey", PartitionKeySource.userKey), ("flagKey", .flagKey), ("random", .random),
    ])
    func partitionKeyFromValues(text: String, expected: PartitionKeySource) throws {
        let config = try loadConfig(exporter("  partitionKeyFrom: \(text)\n"))
        let kinesis = try onlyKinesis(config)
        #expect(kinesis.partitionKeySource == expected)
        #expect(kinesis.partitionKeySource.partitionKeyFrom == text)
        #expect(kinesis.partitionKey == "default")
        #expect(config.warnings.isEmpty)
    }

    @Test(arguments: [("userkey", "userKey"), ("FLAGKEY", "flagKey"), ("Random", "random"), ("USERKEY", "userKey")])
    func caseMismatchSuggestsTheSpelling(text: String, suggestion: String) throws {
        let error = try #require(loadError(exporter("  partitionKeyFrom: \(text)\n")))
        #expect(error.errors.count == 1)
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.keyPath == "exporter.partitionKeyFrom")
        #expect(diagnostic.line == 4)
        #expect(diagnostic.column == 21)
        #expect(
            diagnostic.message
                == "must be userKey, flagKey or random, found \"\(text)\" (values are case-sensitive: did you mean "
                + "\"\(suggestion)\"?)")
    }

    @Test(arguments: ["user", "constant", "\"\"", "42"])
    func unknownValueIsAnErrorWithoutSuggestion(text: String) throws {
        let error = try #require(loadError(exporter("  partitionKeyFrom: \(text)\n")))
        #expect(error.errors.count == 1)
        let shown = text == "\"\"" ? "" : text
        #expect(error.errors.first?.message == "must be userKey, flagKey or random, found \"\(shown)\"")
        #expect(error.errors.first?.keyPath == "exporter.partitionKeyFrom")
        #expect(error.errors.first?.line == 4)
    }

    @Test func bothSetIsAnErrorSayingWhichToKeep() throws {
        let error = try #require(loadError(exporter("  partitionKey: p\n  partitionKeyFrom: userKey\n")))
        #expect(error.errors.count == 1)
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.keyPath == "exporter.partitionKeyFrom")
        #expect(diagnostic.line == 5)
        #expect(diagnostic.column == 21)
        #expect(
            diagnostic.message
                == "\"partitionKey\" and \"partitionKeyFrom\" are both set; keep only one: remove partitionKey to "
                + "take each record's key from its event's userKey, or remove partitionKeyFrom to send every record "
                + "with the fixed key \"p\"")
    }

    @Test func bothSetInAListCarriesTheIndexPrefix() throws {
        let error = try #require(
            loadError(
                "exporters:\n  - kind: kinesis\n    streamName: s\n    partitionKeyFrom: random\n"
                    + "    partitionKey: default\n"))
        #expect(error.errors.count == 1)
        #expect(error.errors.first?.keyPath == "exporters[0].partitionKeyFrom")
        #expect(error.errors.first?.line == 4)
        #expect(
            error.errors.first?.message.hasPrefix(
                "exporter at index 0 validation failed: \"partitionKey\" and \"partitionKeyFrom\" are both set") == true
        )
    }

    @Test func nullPartitionKeyIsNotSet() throws {
        let kinesis = try onlyKinesis(try loadConfig(exporter("  partitionKey: ~\n  partitionKeyFrom: flagKey\n")))
        #expect(kinesis.partitionKeySource == .flagKey)
    }

    @Test func environmentOverrides() throws {
        let single = try loadConfig(exporter(""), environment: ["EXPORTER_PARTITIONKEYFROM": "userKey"])
        #expect(try onlyKinesis(single).partitionKeySource == .userKey)
        let list = try loadConfig(
            "exporters:\n  - kind: kinesis\n    streamName: s\n    partitionKeyFrom: userKey\n",
            environment: ["EXPORTERS_0_PARTITIONKEYFROM": "random"])
        #expect(try onlyKinesis(list).partitionKeySource == .random)
    }

    @Test func bothSetAcrossFileAndEnvironmentNamesTheVariable() throws {
        let error = try #require(
            loadError(exporter("  partitionKey: p\n"), environment: ["EXPORTER_PARTITIONKEYFROM": "flagKey"]))
        #expect(error.errors.count == 1)
        #expect(error.errors.first?.environmentVariable == "EXPORTER_PARTITIONKEYFROM")
        #expect(error.errors.first?.keyPath == "exporter.partitionKeyFrom")
    }

    @Test func environmentCaseMismatchIsAnError() throws {
        let error = try #require(loadError(exporter(""), environment: ["EXPORTER_PARTITIONKEYFROM": "userkey"]))
        #expect(error.errors.first?.message.hasSuffix("did you mean \"userKey\"?)") == true)
        #expect(error.errors.first?.environmentVariable == "EXPORTER_PARTITIONKEYFROM")
    }

    @Test func explicitHashKeyWithPerEventKeysIsWarned() throws {
        let config = try loadConfig(exporter("  partitionKeyFrom: userKey\n  explicitHashKey: \"42\"\n"))
        #expect(config.warnings.map(\.keyPath) == ["exporter.explicitHashKey"])
        #expect(config.warnings.first?.line == 5)
        #expect(try onlyKinesis(config).explicitHashKey == "42")
        let constant = try loadConfig(exporter("  partitionKey: p\n  explicitHashKey: \"42\"\n"))
        #expect(constant.warnings.isEmpty)
    }

    @Test func perEventKeysSkipTheFixedKeyRoomCheck() throws {
        #expect(loadError(exporter("  maxRecordBytes: 7\n"))?.errors.first?.keyPath == "exporter.maxRecordBytes")
        let kinesis = try onlyKinesis(try loadConfig(exporter("  maxRecordBytes: 7\n  partitionKeyFrom: random\n")))
        #expect(kinesis.maxRecordBytes == 7)
    }

    @Test func memberwiseInitializerAndSetter() {
        var kinesis = KinesisExporterConfiguration(partitionKey: "ignored", partitionKeySource: .random)
        #expect(kinesis.partitionKeySource == .random)
        #expect(kinesis.partitionKey == "default")
        kinesis.partitionKey = "fixed"
        #expect(kinesis.partitionKeySource == .constant("fixed"))
        #expect(KinesisExporterConfiguration(partitionKey: "k").partitionKeySource == .constant("k"))
        #expect(KinesisExporterConfiguration(partitionKeySource: .userKey) != KinesisExporterConfiguration())
    }

    @Test func parsingIsExact() {
        for value in PartitionKeySource.configurationValues {
            #expect(PartitionKeySource(partitionKeyFrom: value)?.partitionKeyFrom == value)
        }
        #expect(PartitionKeySource(partitionKeyFrom: "UserKey") == nil)
        #expect(PartitionKeySource.constant("x").partitionKeyFrom == nil)
    }
}
