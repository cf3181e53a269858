// SPDX-License-Identifier: Apache-2.0

extension ConfigDecoder {
    /// Decodes `partitionKey` and `partitionKeyFrom` (at most one of them) into
    /// ``KinesisExporterConfiguration/partitionKeySource``.
    mutating func decodePartitionKey(
        _ node: ConfigNode, at keyPath: String, into config: inout KinesisExporterConfiguration
    ) {
        let maximumLength = KinesisExporterConfiguration.maximumPartitionKeyLength
        let key = string(node["partitionKey"], at: "\(keyPath).partitionKey")
        if let key {
            let length = key.unicodeScalars.count
            if (1...maximumLength).contains(length) {
                config.partitionKeySource = .constant(key)
            } else {
                error(
                    "must be 1 to \(maximumLength) characters, found \(length)", at: "\(keyPath).partitionKey",
                    origin: origin(node["partitionKey"]))
            }
        }
        let fromPath = "\(keyPath).partitionKeyFrom"
        guard let from = string(node["partitionKeyFrom"], at: fromPath) else { return }
        let fromOrigin = origin(node["partitionKeyFrom"])
        guard let source = PartitionKeySource(partitionKeyFrom: from) else {
            let values = PartitionKeySource.configurationValues
            var message = "must be userKey, flagKey or random, found \"\(from)\""
            if let match = values.first(where: { $0.lowercased() == from.lowercased() }) {
                message += " (values are case-sensitive: did you mean \"\(match)\"?)"
            }
            error(message, at: fromPath, origin: fromOrigin)
            return
        }
        if let key {
            error(
                "\"partitionKey\" and \"partitionKeyFrom\" are both set; keep only one: remove partitionKey to take "
                    + "each record's key from its event's \(from), or remove partitionKeyFrom to send every record "
                    + "with the fixed key \"\(key)\"", at: fromPath, origin: fromOrigin)
            return
        }
        config.partitionKeySource = source
    }

    /// Warns when `explicitHashKey` makes a per-event `partitionKeyFrom` pointless (the hash key,
    /// not the partition key, then picks the shard).
    mutating func checkExplicitHashKey(_ node: ConfigNode, at keyPath: String, config: KinesisExporterConfiguration) {
        guard config.explicitHashKey != nil, let from = config.partitionKeySource.partitionKeyFrom else { return }
        warning(
            "overrides the hash of every partition key: all records go to one shard whatever partitionKeyFrom "
                + "(\(from)) gives", at: "\(keyPath).explicitHashKey", origin: origin(node["explicitHashKey"]))
    }
}
