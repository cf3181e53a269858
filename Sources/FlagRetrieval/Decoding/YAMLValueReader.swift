// SPDX-License-Identifier: Apache-2.0

import Events
import Yams

/// Turns a YAML document into a ``JSONValue`` as Go's `yaml.v3` decodes it: plain scalars resolved by
/// ``YAMLScalarResolver`` (or by the Go type of their field, see ``YAMLFieldSchema``), quoted and block
/// scalars kept as strings, merge keys (`<<: *anchor`) applied with explicit keys winning, only the first
/// document of a stream read.
struct YAMLValueReader {
    /// Upper bound on values produced, so nested aliases cannot blow up memory ("billion laughs").
    static let maximumValueCount = 2_000_000
    /// Upper bound on nesting, as for ``JSONParser``.
    static let maximumDepth = JSONParser.defaultMaxDepth

    private var valueCount = 0

    /// The first document of `text`, or `nil` when the stream holds no document.
    mutating func read(_ text: String, schema: YAMLFieldSchema = .any) throws(FlagRetrievalError) -> JSONValue? {
        let root: Node?
        do {
            root = try Parser(yaml: text, resolver: .basic, encoding: .utf8).nextRoot()
        } catch {
            throw Self.syntaxError(error)
        }
        guard let root else { return nil }
        return try convert(root, schema: schema, depth: 0)
    }

    private mutating func convert(
        _ node: Node, schema: YAMLFieldSchema, depth: Int
    ) throws(FlagRetrievalError) -> JSONValue {
        valueCount += 1
        guard valueCount <= Self.maximumValueCount else {
            throw Self.error(node.mark, "document expands to more than \(Self.maximumValueCount) values")
        }
        guard depth < Self.maximumDepth else {
            throw Self.error(node.mark, "document nested deeper than \(Self.maximumDepth) levels")
        }
        switch node {
        case .scalar(let scalar):
            return Self.value(of: scalar, schema: schema)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence {
                elements.append(try convert(element, schema: schema.child(nil), depth: depth + 1))
            }
            return .array(elements)
        case .mapping(let mapping):
            return .object(try convertMapping(mapping, schema: schema, depth: depth))
        case .alias:
            throw Self.error(node.mark, "unknown anchor referenced")
        }
    }

    private mutating func convertMapping(
        _ mapping: Node.Mapping, schema: YAMLFieldSchema, depth: Int
    ) throws(FlagRetrievalError) -> JSONObject {
        var object = JSONObject()
        var merged: [JSONObject] = []
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else {
                throw Self.error(key.mark, "mapping keys must be scalars")
            }
            if keyScalar.string == "<<", keyScalar.style == .plain {
                merged.append(contentsOf: try mergeSources(value, schema: schema, depth: depth))
                continue
            }
            let key = keyScalar.string
            object[key] = try convert(value, schema: schema.child(key), depth: depth + 1)
        }
        for source in merged {
            for member in source.members where object[member.key] == nil {
                object[member.key] = member.value
            }
        }
        return object
    }

    /// The mappings a merge key brings in: one mapping, or a sequence of mappings (earlier ones win).
    private mutating func mergeSources(
        _ node: Node, schema: YAMLFieldSchema, depth: Int
    ) throws(FlagRetrievalError) -> [JSONObject] {
        let source = node.sequence == nil ? schema : .array(schema)
        switch try convert(node, schema: source, depth: depth + 1) {
        case .object(let object):
            return [object]
        case .array(let elements):
            var objects: [JSONObject] = []
            for element in elements {
                guard case .object(let object) = element else {
                    throw Self.error(node.mark, "map merge requires map or sequence of maps as the value")
                }
                objects.append(object)
            }
            return objects
        default:
            throw Self.error(node.mark, "map merge requires map or sequence of maps as the value")
        }
    }

    /// A scalar's value: plain untagged scalars are resolved (by their field's Go type when it matters),
    /// quoted and block scalars are strings, and an explicit core tag (`!!str`, `!!int`, …) decides the type.
    private static func value(of scalar: Node.Scalar, schema: YAMLFieldSchema) -> JSONValue {
        let tag = scalar.tag.rawValue
        if tag.isEmpty { return typedValue(scalar.string, schema: schema) }
        let resolved = YAMLScalarResolver.resolve(scalar.string)
        switch Tag.Name(rawValue: tag) {
        case .null where resolved.isNull: return .null
        case .bool where resolved.boolValue != nil: return resolved
        case .int where resolved.numberValue != nil, .float where resolved.numberValue != nil: return resolved
        default: return .string(scalar.string)
        }
    }

    /// A plain scalar decoded into a field of Go type `schema`.
    private static func typedValue(_ text: String, schema: YAMLFieldSchema) -> JSONValue {
        let resolved = YAMLScalarResolver.resolve(text)
        switch schema {
        case .string:
            return resolved.isNull ? .null : .string(text)
        case .bool:
            switch text {
            case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
            case "n", "N", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
            default: return resolved
            }
        case .time:
            return YAMLTimestamp.normalize(text).map(JSONValue.string) ?? resolved
        default:
            return resolved
        }
    }

    private static func error(_ mark: Mark?, _ problem: String) -> FlagRetrievalError {
        let location = mark.map { "line \($0.line): " } ?? ""
        return FlagRetrievalError(code: .invalidFlagFile, message: "yaml: \(location)\(problem)")
    }

    /// A one-line `yaml: line <n>: <problem>` message, as `yaml.v3` words libyaml's errors.
    private static func syntaxError(_ error: any Error) -> FlagRetrievalError {
        guard let yamlError = error as? YamlError else {
            return FlagRetrievalError(code: .invalidFlagFile, message: "yaml: \(error)")
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return Self.error(mark, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return Self.error(context.mark, "mapping key \(keys) already defined")
        case .reader(let problem, _, _, _):
            return Self.error(nil, problem)
        default:
            return FlagRetrievalError(code: .invalidFlagFile, message: "yaml: \(yamlError)")
        }
    }
}
