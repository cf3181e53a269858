// SPDX-License-Identifier: Apache-2.0

extension ConfigDecoder {
    private typealias Kinesis = KinesisExporterConfiguration

    /// Decodes and validates a `kind: kinesis` exporter; `nil` when it has errors (all recorded).
    mutating func decodeKinesis(_ node: ConfigNode, at keyPath: String, index: Int) -> KinesisExporterConfiguration? {
        let errorsBefore = errorCount
        checkKinesisKeys(node, at: keyPath)
        var config = Kinesis(keyPath: keyPath, index: index)
        func path(_ key: String) -> String { "\(keyPath).\(key)" }

        decodeStream(node, at: keyPath, into: &config)
        if let text = string(node["eventType"], at: path("eventType")) {
            config.eventType = EventType(goffValue: text)
            if text != "feature", text != "tracking" {
                warning(
                    "\"\(text)\" is neither \"feature\" nor \"tracking\"; treated as \"feature\" (as GOFF does)",
                    at: path("eventType"), origin: origin(node["eventType"]))
            }
        }
        decodePartitionKey(node, at: keyPath, into: &config)
        if let key = string(node["explicitHashKey"], at: path("explicitHashKey")) {
            if let problem = Kinesis.explicitHashKeyProblem(key) {
                error("\"\(key)\" \(problem)", at: path("explicitHashKey"), origin: origin(node["explicitHashKey"]))
            } else {
                config.explicitHashKey = key
            }
        }
        checkExplicitHashKey(node, at: keyPath, config: config)
        decodeLimits(node, at: keyPath, into: &config)
        decodeDelivery(node, at: keyPath, into: &config)
        if let milliseconds = int(node["requestTimeout"], at: path("requestTimeout"), in: 1...Int.max) {
            config.requestTimeout = .milliseconds(milliseconds)
        }
        if let milliseconds = int(node["connectTimeout"], at: path("connectTimeout"), in: 1...Int.max) {
            config.connectTimeout = .milliseconds(milliseconds)
        }
        return errorCount == errorsBefore ? config : nil
    }

    private mutating func decodeStream(_ node: ConfigNode, at keyPath: String, into config: inout Kinesis) {
        let arn = string(node["streamArn"], at: "\(keyPath).streamArn")
        let name = string(node["streamName"], at: "\(keyPath).streamName")
        if arn == nil, name == nil {
            error(
                "invalid exporter: no \"streamArn\" or \"streamName\" property found for kind \"kinesis\"",
                at: keyPath, origin: node.origin)
        }
        if let arn {
            switch KinesisStreamARN.parse(arn) {
            case .success: config.streamARN = arn
            case .failure(let failure):
                for problem in failure.problems {
                    error(
                        "invalid stream ARN \"\(arn)\": \(problem)", at: "\(keyPath).streamArn",
                        origin: origin(node["streamArn"]))
                }
            }
        }
        if let name {
            if let problem = Kinesis.streamNameProblem(name) {
                error(
                    "invalid stream name \"\(name)\": \(problem)", at: "\(keyPath).streamName",
                    origin: origin(node["streamName"]))
            } else {
                config.streamName = name
            }
        }
        if arn != nil, name != nil {
            warning(
                "both \"streamArn\" and \"streamName\" are set; goff-relay uses streamArn (GOFF would use streamName)",
                at: "\(keyPath).streamName", origin: origin(node["streamName"]))
        }
    }

    private mutating func decodeLimits(_ node: ConfigNode, at keyPath: String, into config: inout Kinesis) {
        let batchBytes = int(node["maxBatchBytes"], at: "\(keyPath).maxBatchBytes", in: 1...Kinesis.maximumBatchBytes)
        let records = int(
            node["maxBatchRecords"], at: "\(keyPath).maxBatchRecords", in: 1...Kinesis.defaultMaxBatchRecords)
        let recordBytes = int(
            node["maxRecordBytes"], at: "\(keyPath).maxRecordBytes", in: 1...Kinesis.maximumRecordBytes)
        config.maxBatchBytes = batchBytes ?? config.maxBatchBytes
        config.maxBatchRecords = records ?? config.maxBatchRecords
        if let recordBytes {
            config.maxRecordBytes = recordBytes
            if recordBytes > config.maxBatchBytes {
                error(
                    "\(recordBytes) is larger than maxBatchBytes (\(config.maxBatchBytes)): such a record could "
                        + "never be sent", at: "\(keyPath).maxRecordBytes", origin: origin(node["maxRecordBytes"]))
            }
        } else {
            // The default (1 MiB) follows a smaller batch cap down.
            config.maxRecordBytes = min(config.maxRecordBytes, config.maxBatchBytes)
        }
        // A per-event key is checked record by record; a fixed one can be checked now.
        guard case .constant(let key) = config.partitionKeySource else { return }
        let keyBytes = key.utf8.count
        if config.maxRecordBytes <= keyBytes {
            let blamed = recordBytes != nil ? "maxRecordBytes" : "maxBatchBytes"
            error(
                "\(config.maxRecordBytes) bytes per record leaves no room for data after the partition key "
                    + "(\(keyBytes) bytes)", at: "\(keyPath).\(blamed)", origin: origin(node[blamed]))
        }
    }

    /// Warns about keys that are ignored for kinesis (GOFF's other settings) or unknown.
    private mutating func checkKinesisKeys(_ node: ConfigNode, at keyPath: String) {
        let entries = node.entries ?? []
        for (position, entry) in entries.enumerated() {
            let path = "\(keyPath).\(entry.key)"
            guard let name = ConfigSchema.canonical(entry.key, in: ConfigSchema.exporterFields) else {
                warning("unknown key; ignored", at: path, origin: entry.keyOrigin)
                continue
            }
            if let chosen = ConfigNode.position(of: name, in: entries), chosen != position {
                warning(
                    "\"\(entry.key)\" and \"\(entries[chosen].key)\" are the same key (keys match ignoring case); "
                        + "this one is ignored", at: path, origin: entry.keyOrigin)
                continue
            }
            if ConfigSchema.goffCommonExporterFields.contains(name) {
                let reason =
                    name == "format"
                    ? "records are always JSON"
                    : "events are sent as they arrive, batched by maxBatchRecords and maxBatchBytes"
                warning(
                    "accepted for GOFF compatibility; ignored for kind \"kinesis\" (\(reason))", at: path,
                    origin: entry.keyOrigin)
            } else if ConfigSchema.goffOtherExporterFields.contains(name) {
                warning(
                    "a GOFF setting of other exporter kinds; ignored for kind \"kinesis\"", at: path,
                    origin: entry.keyOrigin)
            }
        }
    }
}
