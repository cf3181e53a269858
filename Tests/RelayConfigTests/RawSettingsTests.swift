// SPDX-License-Identifier: Apache-2.0

import RelayConfig
import Testing

@Suite struct RawSettingsTests {
    @Test func retrieversAreKeptWithTheirLines() throws {
        let config = try loadConfig(
            """
            retriever:
              kind: http
              url: https://example.invalid/flags.yaml
            retrievers:
              - kind: file
                path: /goff/flags.yaml
            """)
        #expect(config.retrievers.map(\.keyPath) == ["retriever", "retrievers[0]"])
        #expect(config.retrievers.map(\.index) == [0, 1])
        #expect(config.retrievers.map(\.kind) == ["http", "file"])
        #expect(config.retrievers.map(\.line) == [2, 5])
        #expect(config.retrievers[1].fields == ["kind": "file", "path": "/goff/flags.yaml"])
    }

    @Test func noRetrieverIsFine() throws {
        #expect(try loadConfig(minimalExporter).retrievers.isEmpty)
    }

    @Test func malformedRetrieverIsOnlyAWarning() throws {
        let config = try loadConfig("retriever: file\nretrievers: nope\n")
        #expect(config.retrievers.isEmpty)
        #expect(config.warnings.contains { $0.keyPath == "retriever" && $0.message.contains("ignored") })
        #expect(config.warnings.contains { $0.keyPath == "retrievers" && $0.message.contains("ignored") })
    }

    @Test func deferredSettingsKeepRawNodes() throws {
        let config = try loadConfig(
            """
            apiKeys: [k1, k2]
            flagsets:
              - name: teamA
                apiKeys: [a]
            server:
              mode: lambda
            startWithRetrieverError: true
            """)
        #expect(config.access.evaluationKeys == ["k1", "k2"], "apiKeys is used now, no longer deferred")
        #expect(config.deferredSettings["apiKeys"] == nil)
        #expect(config.deferredSettings["flagsets"]?.list?.first?["name"]?.text == "teamA")
        #expect(config.deferredSettings["server.mode"]?.text == "lambda")
        #expect(config.deferredSettings["startWithRetrieverError"] == nil)
        #expect(config.flagRetrieval.startWithRetrieverError)
    }
}
