// SPDX-License-Identifier: Apache-2.0

import RelayConfig
import Testing

@Suite struct SpoolSettingsTests {
    @Test func defaults() throws {
        let config = try loadConfig(minimalExporter)
        #expect(config.durability == .fsync)
        #expect(config.maxSpoolBytes == 1_073_741_824)
        #expect(config.whenFull == .reject)
        #expect(RelayConfiguration.defaultMaxSpoolBytes == 1 << 30)
        let built = RelayConfiguration()
        #expect(built.durability == config.durability)
        #expect(built.maxSpoolBytes == config.maxSpoolBytes)
        #expect(built.whenFull == config.whenFull)
    }

    @Test(arguments: [
        ("fsync", Durability.fsync), ("write", .write), ("memory", .memory), ("FSYNC", .fsync), ("Write", .write),
        ("MeMoRy", .memory),
    ])
    func durabilityIsCaseInsensitive(text: String, expected: Durability) throws {
        #expect(try loadConfig("durability: \(text)\n").durability == expected)
    }

    @Test(arguments: ["sync", "disk", "\"\"", "1", "true"])
    func unknownDurabilityIsAnError(text: String) throws {
        let error = try #require(loadError("logLevel: info\ndurability: \(text)\n"))
        #expect(error.errors.count == 1)
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.keyPath == "durability")
        #expect(diagnostic.line == 2)
        #expect(diagnostic.column == 13)
        let shown = text == "\"\"" ? "" : text
        #expect(diagnostic.message == "must be fsync, write or memory, found \"\(shown)\"")
    }

    @Test func durabilityMustBeAScalar() throws {
        let error = try #require(loadError("durability: [fsync]\n"))
        #expect(error.errors.map(\.message) == ["must be a string, found a list"])
        #expect(error.errors.first?.keyPath == "durability")
    }

    @Test(arguments: [
        ("reject", SpoolFullPolicy.reject), ("dropOldest", .dropOldest), ("dropoldest", .dropOldest),
        ("REJECT", .reject),
    ])
    func whenFullValues(text: String, expected: SpoolFullPolicy) throws {
        #expect(try loadConfig("whenFull: \(text)\n").whenFull == expected)
    }

    @Test func unknownWhenFullIsAnError() throws {
        let error = try #require(loadError("whenFull: drop\n"))
        #expect(error.errors.count == 1)
        #expect(error.errors.first?.keyPath == "whenFull")
        #expect(error.errors.first?.line == 1)
        #expect(error.errors.first?.column == 11)
        #expect(error.errors.first?.message == "must be reject or dropOldest, found \"drop\"")
    }

    @Test func maxSpoolBytesIsRead() throws {
        #expect(try loadConfig("maxSpoolBytes: 2147483648\n").maxSpoolBytes == 2_147_483_648)
        #expect(try loadConfig("maxSpoolBytes: 0x1000000\n").maxSpoolBytes == 16_777_216)
    }

    @Test func maxSpoolBytesMayEqualMaxBodyBytes() throws {
        let config = try loadConfig("collector:\n  maxBodyBytes: 1024\n  maxQueueBytes: 1024\nmaxSpoolBytes: 1024\n")
        #expect(config.maxSpoolBytes == 1024)
        #expect(config.collector.maxBodyBytes == 1024)
    }

    @Test(arguments: [("0", "0"), ("-5", "-5"), ("big", "\"big\""), ("1.5", "1.5")])
    func invalidMaxSpoolBytes(text: String, shown: String) throws {
        let error = try #require(loadError("dataDir: /d\nmaxSpoolBytes: \(text)\n"))
        #expect(error.errors.count == 1)
        #expect(error.errors.first?.keyPath == "maxSpoolBytes")
        #expect(error.errors.first?.line == 2)
        #expect(error.errors.first?.column == 16)
        #expect(error.errors.first?.message == "must be an integer of at least 1, found \(shown)")
    }

    @Test func spoolSmallerThanMaxBodyBytesIsAnError() throws {
        let error = try #require(loadError("logLevel: info\nmaxSpoolBytes: 16777215\n"))
        #expect(error.errors.count == 1)
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.keyPath == "maxSpoolBytes")
        #expect(diagnostic.line == 2)
        #expect(
            diagnostic.message
                == "maxSpoolBytes (16777215) must be at least collector.maxBodyBytes (16777216): a full request "
                + "must fit in each exporter's spool")
    }

    @Test func bodyLargerThanTheDefaultSpoolBlamesMaxBodyBytes() throws {
        let error = try #require(
            loadError("collector:\n  maxQueueBytes: 4294967296\n  maxBodyBytes: 2147483648\n"))
        #expect(error.errors.count == 1)
        #expect(error.errors.first?.keyPath == "collector.maxBodyBytes")
        #expect(error.errors.first?.line == 3)
        #expect(error.errors.first?.message.hasPrefix("maxSpoolBytes (1073741824) must be at least") == true)
    }

    @Test func environmentOverridesTheFile() throws {
        let config = try loadConfig(
            "durability: fsync\nwhenFull: reject\nmaxSpoolBytes: 33554432\n",
            environment: ["DURABILITY": "write", "WHENFULL": "dropOldest", "MAXSPOOLBYTES": "2147483648"])
        #expect(config.durability == .write)
        #expect(config.whenFull == .dropOldest)
        #expect(config.maxSpoolBytes == 2_147_483_648)
    }

    @Test func prefixedEnvironmentVariables() throws {
        let config = try loadConfig(
            "envVariablePrefix: GOFF_\n", environment: ["GOFF_DURABILITY": "memory", "DURABILITY": "write"])
        #expect(config.durability == .memory)
    }

    @Test func badEnvironmentValueNamesTheVariable() throws {
        let error = try #require(loadError("", environment: ["DURABILITY": "disk"]))
        let diagnostic = try #require(error.errors.first)
        #expect(
            diagnostic.description
                == "environment variable DURABILITY: durability: must be fsync, write or memory, found \"disk\"")
    }

    @Test func spoolRuleAppliesToEnvironmentValues() throws {
        let error = try #require(loadError("", environment: ["MAXSPOOLBYTES": "1000"]))
        #expect(error.errors.count == 1)
        #expect(error.errors.first?.keyPath == "maxSpoolBytes")
        #expect(error.errors.first?.environmentVariable == "MAXSPOOLBYTES")
        let bodyError = try #require(
            loadError(
                "", environment: ["COLLECTOR_MAXBODYBYTES": "2147483648", "COLLECTOR_MAXQUEUEBYTES": "2147483648"]))
        #expect(bodyError.errors.map(\.keyPath) == ["collector.maxBodyBytes"])
        #expect(bodyError.errors.first?.environmentVariable == "COLLECTOR_MAXBODYBYTES")
    }

    @Test func spoolSettingsAreWarnedAsIgnoredWithMemoryDurability() throws {
        let config = try loadConfig(
            minimalExporter + "\ndurability: memory\nwhenFull: dropOldest\nmaxSpoolBytes: 33554432\n")
        #expect(config.warnings.map(\.keyPath) == ["whenFull", "maxSpoolBytes"])
        #expect(config.warnings.map(\.line) == [5, 6])
        #expect(config.warnings.allSatisfy { $0.message.hasPrefix("ignored with durability: memory") })
        let onDisk = try loadConfig(
            minimalExporter + "\ndurability: write\nwhenFull: dropOldest\nmaxSpoolBytes: 33554432\n")
        #expect(onDisk.warnings.isEmpty)
    }

    @Test func keysMatchIgnoringCase() throws {
        let config = try loadConfig(
            minimalExporter + "\nDurability: write\nWHENFULL: dropOldest\nmaxspoolbytes: 20000000\n")
        #expect(config.durability == .write)
        #expect(config.whenFull == .dropOldest)
        #expect(config.maxSpoolBytes == 20_000_000)
        #expect(config.warnings.isEmpty)
    }

    @Test func parsersAcceptOnlyTheirValues() {
        #expect(Durability(parsing: "") == nil)
        #expect(Durability(parsing: "fsync ") == nil)
        #expect(SpoolFullPolicy(parsing: "drop_oldest") == nil)
        #expect(SpoolFullPolicy.allCases.map(\.rawValue) == ["reject", "dropOldest"])
        #expect(Durability.allCases.map(\.rawValue) == ["fsync", "write", "memory"])
    }
}
