// SPDX-License-Identifier: Apache-2.0

/// One section of a shared config or credentials file: a profile, a `[services x]` or an `[sso-session x]`.
///
/// Keys are lowercase. A property written with an empty value and indented `key = value` lines under it
/// has those lines as sub-properties:
/// ```ini
/// [services local]
/// kinesis =
///   endpoint_url = http://127.0.0.1:4567
/// ```
/// Its textual forms list only the keys, never the values (they may be secrets).
public struct ProfileSection: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    /// The section's name, without the `profile ` or `services ` prefix.
    public var name: String
    /// The properties, by lowercase key; values are trimmed.
    public var properties: [String: String]
    /// The sub-properties of properties written with an empty value, by lowercase key then sub-key.
    public var subProperties: [String: [String: String]]

    /// Creates a section.
    /// - Parameters:
    ///   - name: The section's name.
    ///   - properties: The properties, by lowercase key.
    ///   - subProperties: The sub-properties, by lowercase key then lowercase sub-key.
    public init(name: String, properties: [String: String] = [:], subProperties: [String: [String: String]] = [:]) {
        self.name = name
        self.properties = properties
        self.subProperties = subProperties
    }

    /// The value of a property (the key in any case), or `nil` when absent.
    public subscript(_ key: String) -> String? {
        properties[key.lowercased()]
    }

    /// The value of a property when present and not empty.
    public func value(_ key: String) -> String? {
        guard let value = self[key], !value.isEmpty else { return nil }
        return value
    }

    /// This section with another's properties and sub-properties laid over it (theirs win).
    func overlaid(with other: ProfileSection) -> ProfileSection {
        var result = self
        result.properties.merge(other.properties) { _, new in new }
        result.subProperties.merge(other.subProperties) { old, new in old.merging(new) { _, value in value } }
        return result
    }

    /// For example `ProfileSection(dev: aws_access_key_id, aws_secret_access_key, region)`.
    public var description: String {
        let keys = (properties.keys.sorted() + subProperties.keys.sorted().map { "\($0).*" })
        return "ProfileSection(\(name): \(keys.joined(separator: ", ")))"
    }

    /// A mirror with the name and keys only.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["name": name, "keys": properties.keys.sorted(), "subPropertyKeys": subProperties.keys.sorted()],
            displayStyle: .struct)
    }
}
