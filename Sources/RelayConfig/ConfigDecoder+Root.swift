// SPDX-License-Identifier: Apache-2.0

extension ConfigDecoder {
    /// Decodes the whole configuration. `root` must be a mapping (the loader checks).
    mutating func decode(_ root: ConfigNode) -> RelayConfiguration {
        var config = RelayConfiguration()
        checkKeys(of: root, at: "", specs: ConfigSchema.topLevelKeys) { key in
            key.lowercased() == "debug"
                ? "not a configuration key (GOFF ignores it too); use \"logLevel: debug\"" : nil
        }
        config.server = decodeServer(root)
        if let text = string(root["logLevel"], at: "logLevel") {
            if let level = LogLevel(parsing: text) {
                config.logLevel = level
            } else {
                error("unrecognized level: \"\(text)\"", at: "logLevel", origin: origin(root["logLevel"]))
            }
        }
        if let text = string(root["logFormat"], at: "logFormat") {
            if let format = LogFormat(parsing: text) {
                config.logFormat = format
            } else {
                error("invalid log format \(text)", at: "logFormat", origin: origin(root["logFormat"]))
            }
        }
        config.envVariablePrefix = string(root["envVariablePrefix"], at: "envVariablePrefix") ?? ""
        if let dataDir = string(root["dataDir"], at: "dataDir") {
            if dataDir.isEmpty {
                error("must not be empty", at: "dataDir", origin: origin(root["dataDir"]))
            } else {
                config.dataDir = dataDir
            }
        }
        if let milliseconds = int(root["shutdownGracePeriod"], at: "shutdownGracePeriod", in: 0...Int.max) {
            config.shutdownGracePeriod = .milliseconds(milliseconds)
        }
        config.collector = decodeCollector(root)
        config.access = decodeAccess(root)
        decodeSpool(root, into: &config)
        let errorsBeforeExporters = errorCount
        config.exporters = decodeExporters(root)
        if config.exporters.isEmpty, errorCount == errorsBeforeExporters {
            warning(
                "no exporter configured: events sent to goff-relay will not be exported", at: "exporters",
                origin: .none)
        }
        config.retrievers = rawSections(of: root, single: "retriever", list: "retrievers")
        config.flagRetrieval = decodeFlagRetrieval(root, raw: config.retrievers)
        config.deferredSettings = deferredSettings(of: root)
        return config
    }

    /// Where `node` is, or nowhere.
    func origin(_ node: ConfigNode?) -> ConfigOrigin { node?.origin ?? .none }

    private mutating func decodeServer(_ root: ConfigNode) -> ServerConfiguration {
        var server = ServerConfiguration()
        let section = mapping(root["server"], at: "server")
        if let section { checkKeys(of: section, at: "server", specs: ConfigSchema.serverKeys) }
        if let host = string(section?["host"], at: "server.host") {
            if host.isEmpty {
                error("must not be empty", at: "server.host", origin: origin(section?["host"]))
            } else {
                server.host = host
            }
        }
        let ports = 0...65_535
        let port = int(section?["port"], at: "server.port", in: ports)
        let listen = int(root["listen"], at: "listen", in: ports)
        server.port = port ?? listen ?? ServerConfiguration.defaultPort
        if Self.isSet(section?["port"]), let listenNode = root["listen"], !listenNode.isNull {
            warning("legacy key ignored: server.port is set and wins", at: "listen", origin: listenNode.origin)
        }
        let monitoring = int(section?["monitoringPort"], at: "server.monitoringPort", in: ports)
        let legacyMonitoring = int(root["monitoringPort"], at: "monitoringPort", in: ports)
        if Self.isSet(section?["monitoringPort"]), let legacyNode = root["monitoringPort"], !legacyNode.isNull {
            warning(
                "legacy key ignored: server.monitoringPort is set and wins", at: "monitoringPort",
                origin: legacyNode.origin)
        }
        let monitoringPort = monitoring ?? legacyMonitoring ?? 0
        server.monitoringPort = monitoringPort == 0 ? nil : monitoringPort
        return server
    }

    private mutating func decodeCollector(_ root: ConfigNode) -> CollectorConfiguration {
        var collector = CollectorConfiguration()
        guard let section = mapping(root["collector"], at: "collector") else { return collector }
        checkKeys(of: section, at: "collector", specs: ConfigSchema.collectorKeys)
        let body = int(section["maxBodyBytes"], at: "collector.maxBodyBytes", in: 1...Int.max)
        let queue = int(section["maxQueueBytes"], at: "collector.maxQueueBytes", in: 1...Int.max)
        collector.maxBodyBytes = body ?? collector.maxBodyBytes
        collector.maxQueueBytes = queue ?? collector.maxQueueBytes
        if collector.maxQueueBytes < collector.maxBodyBytes {
            let blamed = queue != nil ? "maxQueueBytes" : "maxBodyBytes"
            error(
                "collector.maxQueueBytes (\(collector.maxQueueBytes)) must be at least collector.maxBodyBytes "
                    + "(\(collector.maxBodyBytes)): a full request must fit in the in-memory log",
                at: "collector.\(blamed)", origin: origin(section[blamed]))
        }
        return collector
    }

    /// The singular block first, then the list, undecoded. Problems are warnings: these settings
    /// are not used yet.
    private mutating func rawSections(of root: ConfigNode, single: String, list: String) -> [RawConfigSection] {
        var sections: [RawConfigSection] = []
        if let node = root[single], !node.isNull {
            if node.entries != nil {
                sections.append(RawConfigSection(keyPath: single, index: 0, node: node))
            } else {
                warning("must be a mapping, found \(Self.describe(node)); ignored", at: single, origin: node.origin)
            }
        }
        for (position, element) in elements(of: root[list], at: list, lenient: true).enumerated() {
            sections.append(RawConfigSection(keyPath: "\(list)[\(position)]", index: sections.count, node: element))
        }
        return sections
    }

    /// GOFF keys kept raw for later, by key path (retrievers excluded: they have their own list).
    private func deferredSettings(of root: ConfigNode) -> [String: ConfigNode] {
        var settings: [String: ConfigNode] = [:]
        for spec in ConfigSchema.topLevelKeys where spec.usage == .notYetUsed {
            if let node = root[spec.name], !node.isNull { settings[spec.name] = node }
        }
        if let server = root["server"], server.entries != nil {
            for spec in ConfigSchema.serverKeys where spec.usage == .notYetUsed {
                if let node = server[spec.name], !node.isNull { settings["server.\(spec.name)"] = node }
            }
        }
        return settings
    }

    private static func isSet(_ node: ConfigNode?) -> Bool {
        guard let node else { return false }
        return !node.isNull
    }
}
