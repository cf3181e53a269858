// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Events
import FlagRetrieval
import Logging
import RelayConfig
import RelayServer

/// Builds the flag store, its refresh service and the evaluation routes' source from the configuration.
struct FlagRetrievalPlan {
    /// What the evaluation routes read.
    let source: FlagSource
    /// The refresh service, or `nil` without retrievers (the relay then serves no flags).
    let service: FlagRefreshService?

    init(configuration: FlagRetrievalConfiguration, transport: CurlHTTPClient, logger: Logger) {
        let normalizer = EngineFlagNormalizer()
        let enrichment = configuration.evaluationContextEnrichment.flatMap { Self.json($0).objectValue } ?? JSONObject()
        let store = FlagStore(evaluationContextEnrichment: enrichment, normalizer: normalizer, logger: logger)
        source = FlagSource(store: store, normalizer: normalizer)
        guard !configuration.retrievers.isEmpty else {
            service = nil
            return
        }
        let retrievers: [any FlagRetriever] = configuration.retrievers.map { retriever in
            switch retriever {
            case .file(let path):
                return FileRetriever(path: path)
            case .http(let http):
                return HTTPRetriever(
                    url: http.url, method: http.method, body: http.body, headers: http.headers,
                    timeout: .milliseconds(http.timeoutMilliseconds), transport: transport)
            }
        }
        service = FlagRefreshService(
            retrievers: retrievers,
            configuration: .init(
                fileFormat: FlagFileFormat(configValue: configuration.fileFormat),
                pollingInterval: configuration.pollingInterval,
                enablePollingJitter: configuration.enablePollingJitter,
                startWithRetrieverError: configuration.startWithRetrieverError,
                persistentFlagConfigurationFile: configuration.persistentFlagConfigurationFile),
            store: store, logger: logger)
    }

    /// The routes' dependencies.
    var routes: EvaluationRoutes {
        guard let service else { return EvaluationRoutes(source: source) }
        return EvaluationRoutes(source: source, refresh: { await service.refreshNow() })
    }

    /// A configuration node as JSON (YAML scalars by their resolved type).
    static func json(_ node: ConfigNode) -> JSONValue {
        switch node.value {
        case .scalar(let scalar):
            switch scalar.kind {
            case .null: return .null
            case .bool: return .bool(scalar.text.lowercased() == "true")
            case .int, .float: return Double(scalar.text).map(JSONValue.number) ?? .string(scalar.text)
            case .string: return .string(scalar.text)
            }
        case .list(let nodes):
            return .array(nodes.map(json))
        case .map(let entries):
            return .object(JSONObject(entries.map { ($0.key, json($0.value)) }))
        }
    }
}
