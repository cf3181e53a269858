// SPDX-License-Identifier: Apache-2.0

/// A configuration block goff-relay keeps undecoded for a later feature (a retriever, ...), with
/// where it was written.
public struct RawConfigSection: Sendable, Hashable {
    /// Where the block is, e.g. `retriever` or `retrievers[2]`.
    public var keyPath: String
    /// Position in the combined list (the singular block, when present, comes first).
    public var index: Int
    /// The block as written, with file positions / environment variable names.
    public var node: ConfigNode

    /// Creates a raw section.
    public init(keyPath: String, index: Int, node: ConfigNode) {
        self.keyPath = keyPath
        self.index = index
        self.node = node
    }

    /// The `kind` field, if any.
    public var kind: String? { node["kind"]?.text }

    /// The scalar fields as strings (`kind`, `path`, `url`, ...).
    public var fields: [String: String] { node.scalarFields }

    /// 1-based line of the block in the file, when it came from the file.
    public var line: Int? {
        if case .file(let line, _) = node.origin { return line }
        return nil
    }
}
