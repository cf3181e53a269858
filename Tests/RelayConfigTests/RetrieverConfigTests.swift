// SPDX-License-Identifier: Apache-2.0

import RelayConfig
import Testing

@Suite struct RetrieverConfigTests {
    @Test func fileAndHTTPRetrieversAreTyped() throws {
        let config = try loadConfig(
            """
            retriever:
              kind: file
              path: /goff/flags.yaml
            retrievers:
              - kind: http
                url: https://example.invalid/flags.yaml
                method: POST
                body: '{"a":1}'
                timeout: 2500
                headers:
                  Authorization: Bearer x
                  X-Multi: [a, b]
            pollingInterval: 5000
            fileFormat: json
            startWithRetrieverError: true
            persistentFlagConfigurationFile: /tmp/persist.yaml
            evaluationContextEnrichment:
              env: prod
            """)
        let flags = config.flagRetrieval
        #expect(flags.retrievers.count == 2)
        #expect(flags.retrievers.first == .file(path: "/goff/flags.yaml"))
        let expected = HTTPRetrieverConfiguration(
            url: "https://example.invalid/flags.yaml", method: "POST", body: "{\"a\":1}",
            headers: ["Authorization": ["Bearer x"], "X-Multi": ["a", "b"]], timeoutMilliseconds: 2500)
        #expect(flags.retrievers.last == .http(expected))
        #expect(flags.pollingInterval == 5000)
        #expect(flags.fileFormat == "json")
        #expect(flags.startWithRetrieverError)
        #expect(flags.persistentFlagConfigurationFile == "/tmp/persist.yaml")
        #expect(flags.evaluationContextEnrichment?["env"]?.text == "prod")
        #expect(!config.warnings.contains { $0.message.contains("not used by goff-relay yet") })
    }

    @Test func httpDefaultsAreGOFFs() throws {
        let config = try loadConfig("retriever:\n  kind: http\n  url: http://127.0.0.1/f.yaml\n")
        #expect(config.flagRetrieval.retrievers == [.http(HTTPRetrieverConfiguration(url: "http://127.0.0.1/f.yaml"))])
        #expect(config.flagRetrieval.pollingInterval == 60_000)
        #expect(!config.flagRetrieval.startWithRetrieverError)
    }

    @Test func retrieversAreOptional() throws {
        let config = try loadConfig(minimalExporter)
        #expect(config.flagRetrieval.retrievers.isEmpty)
    }

    @Test func otherGOFFKindIsAnErrorNamingTheKind() throws {
        let error = try #require(loadError("retrievers:\n  - kind: github\n    repositorySlug: a/b\n"))
        let diagnostic = try #require(error.diagnostics.first { $0.severity == .error })
        #expect(diagnostic.message.contains("kind \"github\" is not supported by goff-relay yet"))
        #expect(diagnostic.line == 2)
        #expect(diagnostic.keyPath == "retrievers[0].kind")
    }

    @Test func missingPathIsAnError() throws {
        let error = try #require(loadError("retriever:\n  kind: file\n"))
        #expect(error.diagnostics.contains { $0.severity == .error && $0.message.contains("\"path\"") })
    }

    @Test func wrongCaseKindSuggestsTheRightOne() throws {
        let error = try #require(loadError("retriever:\n  kind: HTTP\n  url: x\n"))
        #expect(error.diagnostics.contains { $0.message.contains("did you mean \"http\"") })
    }
}
