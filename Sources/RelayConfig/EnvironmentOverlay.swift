// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Applies environment variables over the file's configuration tree, following GOFF's rules:
///
/// * with a non-empty `envVariablePrefix`, only variables starting with it are read (prefix
///   stripped); without one, every variable is a candidate;
/// * the key is the lowercased name with every `_` turned into a `.` (`SERVER_PORT` → `server.port`),
///   so a camelCase key is written as one word (`SERVER_MONITORINGPORT`);
/// * lists of objects are indexed: `EXPORTERS_0_STREAMARN`, `RETRIEVERS_1_PATH`; the value is merged
///   into the element the file already has, and gaps in indices become empty elements;
/// * `APIKEYS`, `AUTHORIZEDKEYS_EVALUATION|ADMIN` and `..._KAFKA_ADDRESSES` are comma-separated lists;
/// * values are strings; numbers and booleans are converted where a setting needs them.
///
/// Unlike GOFF, only names that map onto a key goff-relay or GOFF knows are applied; the others are
/// ignored (and reported as warnings when a prefix is set, since they were then meant for us).
struct EnvironmentOverlay {
    /// Highest list index accepted from a variable (a typo must not allocate millions of elements).
    static let maximumIndex = 999

    let environment: [String: String]
    let prefix: String
    private(set) var diagnostics: [ConfigDiagnostic] = []

    init(environment: [String: String], prefix: String) {
        self.environment = environment
        self.prefix = prefix
    }

    /// Returns `root` with every applicable variable applied (variables in name order).
    mutating func apply(to root: ConfigNode) -> ConfigNode {
        var result = root
        for name in environment.keys.sorted() {
            guard let value = environment[name] else { continue }
            guard prefix.isEmpty || name.hasPrefix(prefix) else { continue }
            let key = String(name.dropFirst(prefix.count))
            let origin = ConfigOrigin.environment(variable: name)
            if key.uppercased() == "OTEL_RESOURCE_ATTRIBUTES" {
                let path: [ConfigPathComponent] = [.key("otel"), .key("resource"), .key("attributes")]
                result.set(Self.attributes(value, origin: origin), at: path[...], origin: origin)
                continue
            }
            let segments = key.lowercased().split(separator: "_", omittingEmptySubsequences: false).map(String.init)
            guard !key.isEmpty, !segments.contains(where: \.isEmpty) else { continue }
            let reported = diagnostics.count
            guard let path = resolve(segments, variable: name) else {
                if !prefix.isEmpty, diagnostics.count == reported {
                    warn(name, "does not name a configuration key goff-relay knows; ignored")
                }
                continue
            }
            let isNested = path.contains { if case .index = $0 { true } else { false } }
            let node =
                Self.isCommaList(key.uppercased())
                ? Self.list(value, trimmed: isNested, origin: origin)
                : ConfigNode.string(value, origin: origin)
            result.set(node, at: path[...], origin: origin)
        }
        return result
    }

    /// Maps the lowercased name segments onto a key path, or `nil` when they name no known key.
    private mutating func resolve(_ segments: [String], variable: String) -> [ConfigPathComponent]? {
        guard let spec = ConfigSchema.spec(named: segments[0], in: ConfigSchema.topLevelKeys),
            spec.name != "envVariablePrefix"
        else { return nil }
        let head = ConfigPathComponent.key(spec.name)
        let rest = Array(segments.dropFirst())
        switch spec.shape {
        case .scalar, .list:
            return rest.isEmpty ? [head] : nil
        case .section(let children):
            guard rest.count == 1, let child = ConfigSchema.spec(named: rest[0], in: children) else { return nil }
            return [head, .key(child.name)]
        case .openMap:
            return rest.isEmpty ? nil : [head] + rest.map { .key($0) }
        case .object(let fields):
            return rest.isEmpty
                ? nil
                : fieldPath(rest[...], fields: fields, nested: false, variable: variable).map {
                    [head] + $0
                }
        case .objectList(let fields):
            guard rest.count >= 2, let index = index(rest[0], variable: variable) else { return nil }
            let nested = spec.name == "flagsets"
            return fieldPath(rest.dropFirst(), fields: fields, nested: nested, variable: variable).map {
                [head, .index(index)] + $0
            }
        }
    }

    /// Path of a field inside an object; when `nested`, object lists inside it (a flagset's
    /// `exporters`, ...) are indexed too.
    private mutating func fieldPath(
        _ segments: ArraySlice<String>, fields: [String], nested: Bool, variable: String
    ) -> [ConfigPathComponent]? {
        guard let first = segments.first else { return nil }
        let name = ConfigSchema.canonical(first, in: fields) ?? first
        let rest = segments.dropFirst()
        if nested, let nestedFields = ConfigSchema.nestedListFields[name], rest.count >= 2,
            let indexSegment = rest.first, indexSegment.allSatisfy(\.isNumber)
        {
            guard let index = index(indexSegment, variable: variable) else { return nil }
            return fieldPath(rest.dropFirst(), fields: nestedFields, nested: false, variable: variable).map {
                [.key(name), .index(index)] + $0
            }
        }
        return [.key(name)] + rest.map { .key($0) }
    }

    private mutating func index(_ segment: String, variable: String) -> Int? {
        guard !segment.isEmpty, segment.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard let index = Int(segment), index <= Self.maximumIndex else {
            fail(variable, "list index \(segment) is too large (at most \(Self.maximumIndex))")
            return nil
        }
        return index
    }

    private static func isCommaList(_ key: String) -> Bool {
        key.hasSuffix("KAFKA_ADDRESSES") || key.hasSuffix("APIKEYS") || key == "AUTHORIZEDKEYS_EVALUATION"
            || key == "AUTHORIZEDKEYS_ADMIN"
    }

    private static func list(_ value: String, trimmed: Bool, origin: ConfigOrigin) -> ConfigNode {
        let items = value.split(separator: ",", omittingEmptySubsequences: false).map { item in
            let text = trimmed ? item.trimmingCharacters(in: .whitespaces) : String(item)
            return ConfigNode.string(text, origin: origin)
        }
        return ConfigNode(.list(items), origin: origin)
    }

    /// `k1=v1,k2=v2` as a mapping (GOFF's `OTEL_RESOURCE_ATTRIBUTES` handling).
    private static func attributes(_ value: String, origin: ConfigOrigin) -> ConfigNode {
        var entries: [ConfigEntry] = []
        for pair in value.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            entries.append(
                ConfigEntry(
                    key: String(parts[0]), keyOrigin: origin, value: .string(String(parts[1]), origin: origin)))
        }
        return ConfigNode(.map(entries), origin: origin)
    }

    private mutating func warn(_ variable: String, _ message: String) {
        diagnostics.append(
            ConfigDiagnostic(
                file: nil, keyPath: "", environmentVariable: variable, message: message, severity: .warning))
    }

    private mutating func fail(_ variable: String, _ message: String) {
        diagnostics.append(
            ConfigDiagnostic(file: nil, keyPath: "", environmentVariable: variable, message: message, severity: .error))
    }
}
