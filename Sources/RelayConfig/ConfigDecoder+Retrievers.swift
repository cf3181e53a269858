// SPDX-License-Identifier: Apache-2.0

extension ConfigDecoder {
    /// Retriever kinds goff-relay implements.
    static let supportedRetrieverKinds = ["file", "http"]

    /// GOFF's other retriever kinds (case-sensitive, as in GOFF).
    static let goffOnlyRetrieverKinds = [
        "github", "gitlab", "bitbucket", "s3", "googleStorage", "configmap", "mongodb", "redis", "azureBlobStorage",
        "postgresql",
    ]

    /// The flag-set settings: typed retrievers and the retrieval keys.
    mutating func decodeFlagRetrieval(_ root: ConfigNode, raw: [RawConfigSection]) -> FlagRetrievalConfiguration {
        var settings = FlagRetrievalConfiguration()
        settings.retrievers = raw.compactMap { decodeRetriever($0.node, at: $0.keyPath) }
        settings.fileFormat = string(root["fileFormat"], at: "fileFormat") ?? "yaml"
        settings.pollingInterval = int(root["pollingInterval"], at: "pollingInterval", in: Int.min...Int.max) ?? 60_000
        settings.enablePollingJitter = bool(root["enablePollingJitter"], at: "enablePollingJitter") ?? false
        settings.startWithRetrieverError = bool(root["startWithRetrieverError"], at: "startWithRetrieverError") ?? false
        if let path = string(root["persistentFlagConfigurationFile"], at: "persistentFlagConfigurationFile"),
            !path.isEmpty
        {
            settings.persistentFlagConfigurationFile = path
        }
        settings.evaluationContextEnrichment = mapping(
            root["evaluationContextEnrichment"], at: "evaluationContextEnrichment")
        return settings
    }

    /// A boolean setting (YAML booleans, and `"true"`/`"false"` strings from the environment).
    mutating func bool(_ node: ConfigNode?, at keyPath: String) -> Bool? {
        guard let node, !node.isNull else { return nil }
        switch node.text?.lowercased() {
        case "true": return true
        case "false": return false
        default:
            error("must be a boolean (true or false), found \(Self.describe(node))", at: keyPath, origin: node.origin)
            return nil
        }
    }

    private mutating func decodeRetriever(_ node: ConfigNode, at keyPath: String) -> RetrieverConfiguration? {
        let kindNode = node["kind"]
        let kind = string(kindNode, at: "\(keyPath).kind") ?? ""
        switch kind {
        case "file":
            guard let path = requiredString(node, "path", at: keyPath, kind: kind) else { return nil }
            return .file(path: path)
        case "http":
            return decodeHTTPRetriever(node, at: keyPath)
        default:
            let supported = "goff-relay supports: " + Self.supportedRetrieverKinds.joined(separator: ", ")
            var message: String
            if Self.goffOnlyRetrieverKinds.contains(kind) {
                message = "invalid retriever: kind \"\(kind)\" is not supported by goff-relay yet"
            } else {
                message = "invalid retriever: kind \"\(kind)\" is not supported"
                if kind.isEmpty {
                    message += " (no \"kind\" property found)"
                } else if let match = (Self.supportedRetrieverKinds + Self.goffOnlyRetrieverKinds).first(where: {
                    $0.lowercased() == kind.lowercased()
                }) {
                    message += " (kinds are case-sensitive: did you mean \"\(match)\"?)"
                }
            }
            let path = kindNode == nil ? keyPath : "\(keyPath).kind"
            error("\(message); \(supported)", at: path, origin: kindNode?.origin ?? node.origin)
            return nil
        }
    }

    private mutating func decodeHTTPRetriever(_ node: ConfigNode, at keyPath: String) -> RetrieverConfiguration? {
        guard let url = requiredString(node, "url", at: keyPath, kind: "http") else { return nil }
        var http = HTTPRetrieverConfiguration(url: url)
        if let method = string(node["method"], at: "\(keyPath).method"), !method.isEmpty { http.method = method }
        http.body = string(node["body"], at: "\(keyPath).body") ?? ""
        if let timeout = int(node["timeout"], at: "\(keyPath).timeout", in: 0...Int.max), timeout > 0 {
            http.timeoutMilliseconds = timeout
        }
        if let headers = mapping(node["headers"], at: "\(keyPath).headers") {
            for entry in headers.entries ?? [] {
                let path = "\(keyPath).headers.\(entry.key)"
                if let list = entry.value.list {
                    http.headers[entry.key] = list.compactMap { string($0, at: path) }
                } else if let value = string(entry.value, at: path) {
                    http.headers[entry.key] = [value]
                }
            }
        }
        return .http(http)
    }

    private mutating func requiredString(
        _ node: ConfigNode, _ field: String, at keyPath: String, kind: String
    )
        -> String?
    {
        if let value = string(node[field], at: "\(keyPath).\(field)"), !value.isEmpty { return value }
        error(
            "invalid retriever: no \"\(field)\" property found for kind \"\(kind)\"", at: keyPath,
            origin: node[field]?.origin ?? node.origin)
        return nil
    }
}
