// SPDX-License-Identifier: Apache-2.0

import RelayConfig
import Testing

private func load(_ yaml: String, environment: [String: String] = [:]) throws -> RelayConfiguration {
    try ConfigLoader(environment: environment).load(contents: yaml, sourceFile: "goff-proxy.yaml")
}

private let exporter = "exporter: {kind: kinesis, streamName: s}\n"

@Test func apiKeysDefaultToOpenRoutesAndTheVersionHeader() throws {
    let config = try load(exporter)
    #expect(config.access == AccessConfiguration())
}

@Test func authorizedKeysAndLegacyAPIKeysAreRead() throws {
    let config = try load(
        exporter + """
            authorizedKeys:
              evaluation: [eval-1, eval-2]
              admin: [admin-1]
            apiKeys: [legacy-1]
            disableVersionHeader: true
            """)
    #expect(config.access.evaluationKeys == ["eval-1", "eval-2", "legacy-1"])
    #expect(config.access.adminKeys == ["admin-1"])
    #expect(config.access.disableVersionHeader)
    #expect(!config.warnings.contains { $0.keyPath.hasPrefix("authorizedKeys") || $0.keyPath == "apiKeys" })
}

@Test func apiKeysComeFromTheEnvironmentAsCommaSeparatedLists() throws {
    let config = try load(
        exporter, environment: ["AUTHORIZEDKEYS_EVALUATION": "k1,k2", "AUTHORIZEDKEYS_ADMIN": "a1"])
    #expect(config.access.evaluationKeys == ["k1", "k2"])
    #expect(config.access.adminKeys == ["a1"])
}

@Test func aBadVersionHeaderFlagNamesItsLine() {
    #expect(throws: ConfigError.self) { try load(exporter + "disableVersionHeader: sometimes\n") }
    do {
        _ = try load(exporter + "disableVersionHeader: sometimes\n")
    } catch {
        #expect("\(error)".contains("goff-proxy.yaml:2:"))
        #expect("\(error)".contains("disableVersionHeader"))
    }
}
