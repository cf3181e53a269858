// SPDX-License-Identifier: Apache-2.0

extension ConfigDecoder {
    /// Decodes `authorizedKeys.evaluation`, `authorizedKeys.admin`, legacy `apiKeys` and
    /// `disableVersionHeader`.
    mutating func decodeAccess(_ root: ConfigNode) -> AccessConfiguration {
        var access = AccessConfiguration()
        if let section = mapping(root["authorizedKeys"], at: "authorizedKeys") {
            access.evaluationKeys = keys(section["evaluation"], at: "authorizedKeys.evaluation")
            access.adminKeys = keys(section["admin"], at: "authorizedKeys.admin")
        }
        access.evaluationKeys += keys(root["apiKeys"], at: "apiKeys")
        if let node = root["disableVersionHeader"], !node.isNull {
            let text = node.scalar.map { $0.kind == .bool || $0.kind == .string ? $0.text.lowercased() : "" }
            switch text {
            case "true"?: access.disableVersionHeader = true
            case "false"?: access.disableVersionHeader = false
            default:
                error(
                    "must be true or false, found \(Self.describe(node))", at: "disableVersionHeader",
                    origin: node.origin)
            }
        }
        return access
    }

    /// A list of non-empty key strings (a single scalar is read as a list of one, as GOFF's weak typing).
    private mutating func keys(_ node: ConfigNode?, at keyPath: String) -> [String] {
        guard let node, !node.isNull else { return [] }
        let items = node.scalar != nil ? [node] : elements(of: node, at: keyPath)
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard let key = string(item, at: "\(keyPath)[\(index)]") else { continue }
            if key.isEmpty {
                error("an API key must not be empty", at: "\(keyPath)[\(index)]", origin: item.origin)
            } else {
                result.append(key)
            }
        }
        return result
    }
}
