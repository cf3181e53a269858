// SPDX-License-Identifier: Apache-2.0

import Yams

/// Parses a YAML (or JSON, which is YAML) document into a ``ConfigNode`` tree that keeps the line
/// and column of every value.
///
/// Scalars are resolved with YAML 1.2's core schema, not Yams' default YAML 1.1 rules: `yes`, `no`,
/// `on`, `off`, `y`, `n` stay strings, only `true`/`false` are booleans, `0777` is the decimal 777.
/// Merge keys (`<<: *anchor`) are applied, explicit keys winning over merged ones.
struct YAMLDocumentReader {
    /// Upper bound on nodes produced, so nested aliases cannot blow up memory ("billion laughs").
    static let maximumNodeCount = 100_000

    /// The file name used in diagnostics.
    let file: String
    private(set) var diagnostics: [ConfigDiagnostic] = []
    private var nodeCount = 0

    init(file: String) {
        self.file = file
    }

    /// Parses `text`. Returns `nil` (and records a diagnostic) when the text is not valid YAML; an
    /// empty document yields an empty mapping.
    mutating func read(_ text: String) -> ConfigNode? {
        let root: Node?
        do {
            // Tags are resolved by `kind(of:)` (YAML 1.2 core schema), not by Yams' regular expressions:
            // those would load ICU's regex engine and its Unicode tables (megabytes of resident memory).
            root = try compose(yaml: text, .basic, .default, .utf8)
        } catch {
            diagnostics.append(syntaxDiagnostic(for: error))
            return nil
        }
        guard let root else { return .emptyMap(origin: .file(line: 1, column: 1)) }
        return convert(root)
    }

    private mutating func convert(_ node: Node) -> ConfigNode? {
        nodeCount += 1
        guard nodeCount <= Self.maximumNodeCount else {
            if nodeCount == Self.maximumNodeCount + 1 {
                diagnostics.append(
                    diagnostic(
                        at: node.mark,
                        "the document expands to more than \(Self.maximumNodeCount) values (aliases?)"))
            }
            return nil
        }
        let origin = Self.origin(of: node.mark)
        switch node {
        case .scalar(let scalar):
            return ConfigNode(.scalar(ConfigScalar(scalar.string, kind: Self.kind(of: node))), origin: origin)
        case .sequence(let sequence):
            var elements: [ConfigNode] = []
            for element in sequence {
                guard let converted = convert(element) else { return nil }
                elements.append(converted)
            }
            return ConfigNode(.list(elements), origin: origin)
        case .mapping(let mapping):
            return convertMapping(mapping, origin: origin)
        case .alias:
            // `compose` replaces aliases by their anchored node, so this is not expected.
            diagnostics.append(diagnostic(at: node.mark, "unresolved alias"))
            return nil
        }
    }

    private mutating func convertMapping(_ mapping: Node.Mapping, origin: ConfigOrigin) -> ConfigNode? {
        var entries: [ConfigEntry] = []
        var merged: [ConfigEntry] = []
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else {
                diagnostics.append(diagnostic(at: key.mark, "mapping keys must be plain scalars"))
                continue
            }
            if keyScalar.string == "<<", keyScalar.style == .plain {
                guard let source = convert(value) else { return nil }
                merged.append(contentsOf: mergeEntries(from: source, mark: value.mark))
                continue
            }
            guard let converted = convert(value) else { return nil }
            entries.append(
                ConfigEntry(key: keyScalar.string, keyOrigin: Self.origin(of: key.mark), value: converted))
        }
        var seen = Set(entries.map(\.key))
        for entry in merged where !seen.contains(entry.key) {
            seen.insert(entry.key)
            entries.append(entry)
        }
        return ConfigNode(.map(entries), origin: origin)
    }

    /// Entries contributed by a merge key: one mapping, or a list of mappings (earlier ones win).
    private mutating func mergeEntries(from source: ConfigNode, mark: Mark?) -> [ConfigEntry] {
        if let entries = source.entries { return entries }
        if let list = source.list, list.allSatisfy({ $0.entries != nil }) {
            return list.flatMap { $0.entries ?? [] }
        }
        diagnostics.append(diagnostic(at: mark, "a merge key (<<) needs a mapping or a list of mappings"))
        return []
    }

    private static func kind(of node: Node) -> ConfigScalar.Kind {
        guard case .scalar(let scalar) = node else { return .string }
        switch Tag.Name(rawValue: scalar.tag.rawValue) {
        case .implicit: return CoreSchemaScalar.kind(of: scalar.string)
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .float: return .float
        default: return .string
        }
    }

    private static func origin(of mark: Mark?) -> ConfigOrigin {
        guard let mark else { return .none }
        return .file(line: mark.line, column: mark.column)
    }

    private func diagnostic(at mark: Mark?, _ message: String) -> ConfigDiagnostic {
        ConfigDiagnostic(
            file: file, keyPath: "", line: mark?.line, column: mark?.column, message: message, severity: .error)
    }

    private func syntaxDiagnostic(for error: any Error) -> ConfigDiagnostic {
        guard let yamlError = error as? YamlError else {
            return diagnostic(at: nil, "invalid YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return diagnostic(at: mark, message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return diagnostic(at: context.mark, "invalid YAML: duplicate key \(keys) in a mapping")
        case .reader(let problem, _, _, _):
            return diagnostic(at: nil, "invalid YAML: \(problem)")
        default:
            return diagnostic(at: nil, "invalid YAML: \(yamlError)")
        }
    }
}
