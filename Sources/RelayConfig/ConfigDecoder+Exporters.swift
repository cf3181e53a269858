// SPDX-License-Identifier: Apache-2.0

extension ConfigDecoder {
    /// Exporter kinds goff-relay implements.
    static let supportedExporterKinds = ["kinesis"]

    /// GOFF's other exporter kinds (case-sensitive, as in GOFF).
    static let goffOnlyExporterKinds = [
        "file", "webhook", "log", "s3", "googleStorage", "sqs", "kafka", "pubsub", "bigquery", "azureBlobStorage",
        "opentelemetry",
    ]

    /// The singular `exporter` (not wrapped in GOFF's index message) followed by the `exporters` list.
    mutating func decodeExporters(_ root: ConfigNode) -> [ExporterConfiguration] {
        var exporters: [ExporterConfiguration] = []
        if let single = root["exporter"], !single.isNull,
            let exporter = decodeExporter(single, at: "exporter", index: exporters.count)
        {
            exporters.append(exporter)
        }
        for (position, element) in elements(of: root["exporters"], at: "exporters").enumerated() {
            errorPrefix = "exporter at index \(position) validation failed: "
            defer { errorPrefix = "" }
            if let exporter = decodeExporter(element, at: "exporters[\(position)]", index: exporters.count) {
                exporters.append(exporter)
            }
        }
        return exporters
    }

    private mutating func decodeExporter(_ node: ConfigNode, at keyPath: String, index: Int) -> ExporterConfiguration? {
        guard node.entries != nil else {
            error(
                "invalid exporter: must be a mapping (kind: ..., ...), found \(Self.describe(node))", at: keyPath,
                origin: node.origin)
            return nil
        }
        let kindNode = node["kind"]
        let kind = string(kindNode, at: "\(keyPath).kind") ?? ""
        if kind == "kinesis" {
            return decodeKinesis(node, at: keyPath, index: index).map(ExporterConfiguration.kinesis)
        }
        let supported = "goff-relay supports: " + Self.supportedExporterKinds.joined(separator: ", ")
        var message: String
        if Self.goffOnlyExporterKinds.contains(kind) {
            message = "invalid exporter: kind \"\(kind)\" is supported by GO Feature Flag but not (yet) by goff-relay"
        } else {
            message = "invalid exporter: kind \"\(kind)\" is not supported"
            if kind.isEmpty {
                message += " (no \"kind\" property found)"
            } else if let match = (Self.supportedExporterKinds + Self.goffOnlyExporterKinds).first(where: {
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
