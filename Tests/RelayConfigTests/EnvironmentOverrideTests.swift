// SPDX-License-Identifier: Apache-2.0

import RelayConfig
import Testing

@Suite struct EnvironmentOverrideTests {
    @Test func plainVariablesOverrideTheFile() throws {
        let config = try loadConfig(
            "server:\n  port: 1031\nlogLevel: info\n",
            environment: [
                "SERVER_PORT": "8080", "LOGLEVEL": "debug", "SERVER_MONITORINGPORT": "1032", "DATADIR": "/d",
                "COLLECTOR_MAXBODYBYTES": "100", "SHUTDOWNGRACEPERIOD": "5",
            ])
        #expect(config.server.port == 8080)
        #expect(config.server.monitoringPort == 1032)
        #expect(config.logLevel == .debug)
        #expect(config.dataDir == "/d")
        #expect(config.collector.maxBodyBytes == 100)
        #expect(config.shutdownGracePeriod == .milliseconds(5))
    }

    @Test func strayVariablesAreIgnored() throws {
        let config = try loadConfig("", environment: ["HOME": "/root", "PATH": "/bin", "SERVER_NAME_X": "1"])
        #expect(config.warnings.map(\.keyPath) == ["exporters"])
    }

    @Test func legacyListenFromEnvironmentLosesToServerPortInFile() throws {
        let config = try loadConfig("server:\n  port: 2000\n", environment: ["LISTEN": "3000"])
        #expect(config.server.port == 2000)
    }

    @Test func prefixSelectsAndStripsVariables() throws {
        let config = try loadConfig(
            "envVariablePrefix: GOFF_\n",
            environment: ["GOFF_SERVER_PORT": "9000", "SERVER_PORT": "9999", "GOFF_LOGFORMAT": "logfmt"])
        #expect(config.server.port == 9000)
        #expect(config.logFormat == .logfmt)
    }

    @Test func prefixCannotBeSetFromTheEnvironment() throws {
        let config = try loadConfig("", environment: ["ENVVARIABLEPREFIX": "X_", "SERVER_PORT": "7000"])
        #expect(config.envVariablePrefix == "")
        #expect(config.server.port == 7000)
    }

    @Test func unknownPrefixedVariableIsWarned() throws {
        let config = try loadConfig("envVariablePrefix: GOFF_\n", environment: ["GOFF_NOPE": "1"])
        #expect(config.warnings.contains { $0.environmentVariable == "GOFF_NOPE" })
    }

    @Test func arrayVariablesMergeIntoTheFileElement() throws {
        let config = try loadConfig(
            "exporters:\n  - kind: kinesis\n    streamName: file\n    partitionKey: p\n",
            environment: ["EXPORTERS_0_STREAMNAME": "env", "EXPORTERS_0_MAXBATCHRECORDS": "10"])
        let kinesis = try onlyKinesis(config)
        #expect(kinesis.streamName == "env")
        #expect(kinesis.partitionKey == "p")
        #expect(kinesis.maxBatchRecords == 10)
    }

    @Test func arrayVariablesCreateElements() throws {
        let config = try loadConfig(
            "",
            environment: [
                "EXPORTERS_0_KIND": "kinesis",
                "EXPORTERS_0_STREAMARN": "arn:aws:kinesis:eu-west-1:123456789012:stream/goff",
            ])
        #expect(try onlyKinesis(config).streamARN == "arn:aws:kinesis:eu-west-1:123456789012:stream/goff")
        #expect(try onlyKinesis(config).keyPath == "exporters[0]")
    }

    @Test func gapsBecomeEmptyElementsThatFail() throws {
        let error = try #require(
            loadError(
                "exporters:\n  - kind: kinesis\n    streamName: a\n",
                environment: ["EXPORTERS_2_KIND": "kinesis", "EXPORTERS_2_STREAMNAME": "c"]))
        #expect(error.errors.count == 1)
        let gap = try #require(error.errors.first)
        #expect(gap.keyPath == "exporters[1]")
        #expect(gap.message.hasPrefix("exporter at index 1 validation failed: invalid exporter: kind \"\""))
        #expect(gap.environmentVariable?.hasPrefix("EXPORTERS_2_") == true)
    }

    @Test func singularExporterVariables() throws {
        let config = try loadConfig("", environment: ["EXPORTER_KIND": "kinesis", "EXPORTER_STREAMNAME": "x"])
        #expect(try onlyKinesis(config).streamName == "x")
        #expect(try onlyKinesis(config).keyPath == "exporter")
    }

    @Test func weakTypingOfBadValueNamesTheVariable() throws {
        let error = try #require(loadError("", environment: ["SERVER_PORT": "eighty"]))
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.environmentVariable == "SERVER_PORT")
        #expect(diagnostic.line == nil)
        #expect(
            diagnostic.description
                == "environment variable SERVER_PORT: server.port: must be an integer between 0 and 65535, "
                + "found \"eighty\"")
    }

    @Test func environmentStringsAreNeverBooleansOrNulls() throws {
        let config = try loadConfig("", environment: ["EXPORTER_KIND": "kinesis", "EXPORTER_STREAMNAME": "no"])
        #expect(try onlyKinesis(config).streamName == "no")
    }

    @Test func retrieverVariablesAreKeptRaw() throws {
        let config = try loadConfig(
            "retrievers:\n  - kind: file\n    path: /a\n",
            environment: [
                "RETRIEVERS_0_PATH": "/b", "RETRIEVERS_1_KIND": "http", "RETRIEVERS_1_HEADERS_AUTHORIZATION": "x",
                "RETRIEVERS_1_URL": "http://127.0.0.1/f",
            ])
        #expect(
            config.retrievers.map(\.fields) == [
                ["kind": "file", "path": "/b"], ["kind": "http", "url": "http://127.0.0.1/f"],
            ])
        #expect(
            config.flagRetrieval.retrievers.last
                == .http(.init(url: "http://127.0.0.1/f", headers: ["authorization": ["x"]])))
        #expect(config.retrievers[1].node["headers"]?["authorization"]?.text == "x")
    }

    @Test func commaSeparatedLists() throws {
        let config = try loadConfig(
            "", environment: ["APIKEYS": "a, b", "AUTHORIZEDKEYS_ADMIN": "k1,k2", "FLAGSETS_0_APIKEYS": "x, y"])
        #expect(config.access.evaluationKeys == ["a", " b"], "GOFF splits APIKEYS on commas without trimming")
        #expect(config.access.adminKeys == ["k1", "k2"])
        #expect(config.deferredSettings["flagsets"]?.list?.first?["apiKeys"]?.list?.compactMap(\.text) == ["x", "y"])
    }

    @Test func nestedFlagsetExporterIndex() throws {
        let config = try loadConfig("", environment: ["FLAGSETS_0_EXPORTERS_1_KIND": "kinesis"])
        let exporters = config.deferredSettings["flagsets"]?.list?.first?["exporters"]?.list
        #expect(exporters?.count == 2)
        #expect(exporters?.last?["kind"]?.text == "kinesis")
    }

    @Test func otelResourceAttributes() throws {
        let config = try loadConfig("", environment: ["OTEL_RESOURCE_ATTRIBUTES": "a=1,b=2"])
        #expect(config.deferredSettings["otel"]?["resource"]?["attributes"]?.scalarFields == ["a": "1", "b": "2"])
    }

    @Test func hugeIndexIsRefused() throws {
        let error = try #require(loadError("", environment: ["EXPORTERS_100000_KIND": "kinesis"]))
        #expect(error.errors.first?.environmentVariable == "EXPORTERS_100000_KIND")
    }
}
