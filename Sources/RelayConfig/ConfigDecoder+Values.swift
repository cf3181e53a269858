// SPDX-License-Identifier: Apache-2.0

extension ConfigDecoder {
    /// A string setting: any non-null scalar, as written (numbers and booleans keep their text).
    /// Returns `nil` when absent or null; records an error for a list or mapping.
    mutating func string(_ node: ConfigNode?, at keyPath: String) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.text else {
            error("must be a string, found \(Self.describe(node))", at: keyPath, origin: node.origin)
            return nil
        }
        return text
    }

    /// An integer setting within `range`. Integers, integral floats and strings holding an integer
    /// (GOFF's weak typing, so `"8080"` from the environment works) are accepted. Returns `nil` when
    /// absent, null or invalid (invalid values record an error).
    mutating func int(_ node: ConfigNode?, at keyPath: String, in range: ClosedRange<Int>) -> Int? {
        guard let node, !node.isNull else { return nil }
        guard let scalar = node.scalar, let value = Self.integer(from: scalar) else {
            error(
                "must be an integer\(Self.describe(range)), found \(Self.describe(node))", at: keyPath,
                origin: node.origin)
            return nil
        }
        guard range.contains(value) else {
            error("must be an integer\(Self.describe(range)), found \(value)", at: keyPath, origin: node.origin)
            return nil
        }
        return value
    }

    /// A mapping setting. Returns `nil` when absent or null; records an error for anything else.
    mutating func mapping(_ node: ConfigNode?, at keyPath: String) -> ConfigNode? {
        guard let node, !node.isNull else { return nil }
        guard node.entries != nil else {
            error("must be a mapping (key: value), found \(Self.describe(node))", at: keyPath, origin: node.origin)
            return nil
        }
        return node
    }

    /// The elements of a list setting. A single mapping is taken as a one-element list (GOFF's weak
    /// typing does the same) with a warning; a scalar records an error (or a warning when `lenient`).
    mutating func elements(of node: ConfigNode?, at keyPath: String, lenient: Bool = false) -> [ConfigNode] {
        guard let node, !node.isNull else { return [] }
        if let list = node.list { return list }
        if node.entries != nil {
            warning("should be a list; read as a list of one element", at: keyPath, origin: node.origin)
            return [node]
        }
        let message = "must be a list, found \(Self.describe(node))"
        if lenient {
            warning(message + "; ignored", at: keyPath, origin: node.origin)
        } else {
            error(message, at: keyPath, origin: node.origin)
        }
        return []
    }

    /// Parses a YAML 1.2 integer (`12`, `+12`, `-12`, `0x1F`, `0o17`) or an integral float.
    static func integer(from scalar: ConfigScalar) -> Int? {
        switch scalar.kind {
        case .int, .string:
            var text = Substring(scalar.text)
            var sign = ""
            if let first = text.first, first == "+" || first == "-" {
                sign = first == "-" ? "-" : ""
                text = text.dropFirst()
            }
            var radix = 10
            if text.hasPrefix("0x") || text.hasPrefix("0o") {
                radix = text.hasPrefix("0x") ? 16 : 8
                text = text.dropFirst(2)
            }
            guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }
            return Int(sign + text, radix: radix)
        case .float:
            guard let double = Double(scalar.text), double.rounded() == double, abs(double) < 9.0e18 else {
                return nil
            }
            return Int(double)
        case .null, .bool:
            return nil
        }
    }

    /// A short description of a node for messages: `"abc"`, `true`, `a list`, `a mapping`.
    static func describe(_ node: ConfigNode) -> String {
        switch node.value {
        case .scalar(let scalar):
            switch scalar.kind {
            case .string: "\"\(scalar.text)\""
            case .null: "null"
            case .bool, .int, .float: scalar.text
            }
        case .list: "a list"
        case .map: "a mapping"
        }
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        if range.upperBound == Int.max { return " of at least \(range.lowerBound)" }
        return " between \(range.lowerBound) and \(range.upperBound)"
    }
}
