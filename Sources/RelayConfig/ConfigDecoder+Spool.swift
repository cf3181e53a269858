// SPDX-License-Identifier: Apache-2.0

extension ConfigDecoder {
    /// Decodes the spool settings every exporter shares: `durability`, `maxSpoolBytes` (at least
    /// `collector.maxBodyBytes`, so a full request fits) and `whenFull`. Reads `config.collector`,
    /// which must be decoded first.
    mutating func decodeSpool(_ root: ConfigNode, into config: inout RelayConfiguration) {
        if let text = string(root["durability"], at: "durability") {
            if let durability = Durability(parsing: text) {
                config.durability = durability
            } else {
                error(
                    "must be fsync, write or memory, found \"\(text)\"", at: "durability",
                    origin: origin(root["durability"]))
            }
        }
        if let text = string(root["whenFull"], at: "whenFull") {
            if let policy = SpoolFullPolicy(parsing: text) {
                config.whenFull = policy
            } else {
                error(
                    "must be reject or dropOldest, found \"\(text)\"", at: "whenFull", origin: origin(root["whenFull"]))
            }
        }
        let spoolBytes = int(root["maxSpoolBytes"], at: "maxSpoolBytes", in: 1...Int.max)
        config.maxSpoolBytes = spoolBytes ?? config.maxSpoolBytes
        let bodyBytes = config.collector.maxBodyBytes
        if config.maxSpoolBytes < bodyBytes {
            let (blamed, node) =
                spoolBytes != nil
                ? ("maxSpoolBytes", root["maxSpoolBytes"])
                : ("collector.maxBodyBytes", root["collector"]?["maxBodyBytes"])
            error(
                "maxSpoolBytes (\(config.maxSpoolBytes)) must be at least collector.maxBodyBytes (\(bodyBytes)): "
                    + "a full request must fit in each exporter's spool", at: blamed, origin: origin(node))
        }
        if config.durability == .memory {
            for key in ["maxSpoolBytes", "whenFull"] {
                guard let node = root[key], !node.isNull else { continue }
                warning(
                    "ignored with durability: memory (the in-memory log is bounded by collector.maxQueueBytes and "
                        + "rejects requests when full)", at: key, origin: node.origin)
            }
        }
    }
}
