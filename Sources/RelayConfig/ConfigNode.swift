// SPDX-License-Identifier: Apache-2.0

/// A configuration value as read from the file and the environment, before it is decoded into
/// typed settings. Every node remembers where it came from, so later stages can report problems
/// with a line number or an environment variable name.
///
/// Settings that goff-relay keeps for later (retrievers, API keys, flagsets, ...) are exposed in
/// this raw form.
public struct ConfigNode: Sendable, Hashable {
    /// The shape of a node.
    public enum Value: Sendable, Hashable {
        /// A scalar: its text and what YAML 1.2 (core schema) resolved it to.
        case scalar(ConfigScalar)
        /// A sequence.
        case list([ConfigNode])
        /// A mapping, in document order.
        case map([ConfigEntry])
    }

    /// The value.
    public var value: Value
    /// Where the value came from.
    public var origin: ConfigOrigin

    /// Creates a node.
    public init(_ value: Value, origin: ConfigOrigin) {
        self.value = value
        self.origin = origin
    }

    /// A string scalar.
    public static func string(_ text: String, origin: ConfigOrigin) -> ConfigNode {
        ConfigNode(.scalar(ConfigScalar(text, kind: .string)), origin: origin)
    }

    /// An empty mapping.
    public static func emptyMap(origin: ConfigOrigin) -> ConfigNode {
        ConfigNode(.map([]), origin: origin)
    }

    /// The scalar, when this node is one.
    public var scalar: ConfigScalar? {
        if case .scalar(let scalar) = value { return scalar }
        return nil
    }

    /// The elements, when this node is a sequence.
    public var list: [ConfigNode]? {
        if case .list(let nodes) = value { return nodes }
        return nil
    }

    /// The entries, when this node is a mapping.
    public var entries: [ConfigEntry]? {
        if case .map(let entries) = value { return entries }
        return nil
    }

    /// `true` for a YAML null (`~`, `null`, empty value).
    public var isNull: Bool { scalar?.kind == .null }

    /// The scalar's text, unless the node is null, a sequence or a mapping.
    public var text: String? {
        guard let scalar, scalar.kind != .null else { return nil }
        return scalar.text
    }

    /// The value of `key` in a mapping: an exact match is preferred, otherwise the first key that
    /// matches ignoring case (as GOFF's decoder does).
    public subscript(key: String) -> ConfigNode? {
        entry(named: key)?.value
    }

    /// The entry for `key` (exact match preferred, then case-insensitive).
    public func entry(named key: String) -> ConfigEntry? {
        guard let entries else { return nil }
        if let exact = entries.first(where: { $0.key == key }) { return exact }
        let lowered = key.lowercased()
        return entries.first { $0.key.lowercased() == lowered }
    }

    /// The scalar children of a mapping as strings (nulls, sequences and mappings left out).
    public var scalarFields: [String: String] {
        var fields: [String: String] = [:]
        for entry in entries ?? [] {
            if let text = entry.value.text, fields[entry.key] == nil { fields[entry.key] = text }
        }
        return fields
    }
}
