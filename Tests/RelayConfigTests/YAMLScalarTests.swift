// SPDX-License-Identifier: Apache-2.0

import RelayConfig
import Testing

@Suite struct YAMLScalarTests {
    @Test(arguments: ["no", "off", "yes", "on", "y", "n", "NO", "Off"])
    func yaml11BooleansStayStrings(word: String) throws {
        let config = try loadConfig("exporter:\n  kind: kinesis\n  streamName: \(word)\n")
        #expect(try onlyKinesis(config).streamName == word)
    }

    @Test func partitionKeyOffIsAString() throws {
        let config = try loadConfig("exporter:\n  kind: kinesis\n  streamName: s\n  partitionKey: off\n")
        #expect(try onlyKinesis(config).partitionKey == "off")
    }

    @Test func trueAndFalseAreBooleans() throws {
        let config = try loadConfig("hideBanner: true\nenablePprof: False\nswagger:\n  enabled: yes\n")
        #expect(config.deferredSettings["hideBanner"]?.scalar == ConfigScalar("true", kind: .bool))
        #expect(config.deferredSettings["enablePprof"]?.scalar == ConfigScalar("False", kind: .bool))
        #expect(config.deferredSettings["swagger"]?["enabled"]?.scalar == ConfigScalar("yes", kind: .string))
    }

    @Test func coreSchemaNumbersAndNulls() throws {
        let config = try loadConfig("pollingInterval: 0x10\nfileFormat: ~\nenvironment: 1.5\nversion: \"12\"\n")
        #expect(config.flagRetrieval.pollingInterval == 16)
        #expect(config.deferredSettings["fileFormat"] == nil)
        #expect(config.deferredSettings["environment"]?.scalar?.kind == .float)
        #expect(config.deferredSettings["version"]?.scalar?.kind == .string)
    }

    @Test(arguments: [
        ("1e3", ConfigScalar.Kind.float), (".5", .float), ("1.", .float), ("-2.5E-3", .float), (".inf", .float),
        ("-.Inf", .float), (".NaN", .float), ("+12", .int), ("-0", .int), ("0x1f", .int), ("0o17", .int),
        ("0o8", .string), ("1_000", .string), ("-.nan", .string), ("1e", .string), ("e3", .string), ("", .null),
        ("Null", .null), ("TRUE", .bool), ("tRUE", .string), ("0x", .string), ("12abc", .string),
    ])
    func coreSchemaKinds(text: String, kind: ConfigScalar.Kind) throws {
        let config = try loadConfig("environment: \(text)\n")
        #expect(config.deferredSettings["environment"]?.scalar?.kind ?? .null == kind)
    }

    @Test func hexAndOctalIntegers() throws {
        #expect(try loadConfig("server:\n  port: 0x1F90").server.port == 8080)
        #expect(try loadConfig("server:\n  port: 0o17").server.port == 15)
        #expect(try loadConfig("server:\n  port: 8080.0").server.port == 8080)
    }

    @Test func numericStreamNameKeepsItsText() throws {
        let config = try loadConfig("exporter:\n  kind: kinesis\n  streamName: 007\n")
        #expect(try onlyKinesis(config).streamName == "007")
    }

    @Test func anchorsAndMergeKeys() throws {
        let config = try loadConfig(
            """
            base: &base
              kind: kinesis
              maxBatchRecords: 100
            exporters:
              - <<: *base
                streamName: a
              - <<: *base
                streamName: b
                maxBatchRecords: 7
            """)
        #expect(config.kinesisExporters.map(\.maxBatchRecords) == [100, 7])
        #expect(config.kinesisExporters.map(\.streamName) == ["a", "b"])
    }

    @Test func jsonEscapesAreDecoded() throws {
        let config = try loadConfig(
            #"{"exporter": {"kind": "kinesis", "streamName": "go\u0066f", "partitionKey": "a\/b\tc"}}"#,
            file: "goff-proxy.json")
        let kinesis = try onlyKinesis(config)
        #expect(kinesis.streamName == "goff")
        #expect(kinesis.partitionKey == "a/b\tc")
    }

    @Test func syntaxErrorHasALine() throws {
        let error = try #require(loadError("server:\n  port: [1031\nlogLevel: info\n"))
        #expect(error.code == .syntax)
        #expect(error.diagnostics.first?.line != nil)
        #expect(error.diagnostics.first?.message.hasPrefix("invalid YAML") == true)
    }

    @Test func duplicateKeyIsASyntaxError() throws {
        let error = try #require(loadError("logLevel: info\nlogLevel: debug\n"))
        #expect(error.code == .syntax)
        #expect(error.diagnostics.first?.message.contains("duplicate key \"logLevel\"") == true)
    }

    @Test func aliasBombIsRefused() throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...6 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        let error = try #require(loadError(yaml))
        #expect(error.diagnostics.first?.message.contains("more than") == true)
    }
}
