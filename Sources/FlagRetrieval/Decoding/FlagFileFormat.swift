// SPDX-License-Identifier: Apache-2.0

/// The format of a flag file (GOFF's `fileFormat`).
public enum FlagFileFormat: String, Sendable, Hashable, CaseIterable {
    /// YAML (the default), read as Go's `yaml.v3` reads it.
    case yaml
    /// JSON, read as Go's `encoding/json` reads it.
    case json
    /// TOML: recognised but not decodable by this build (see ``FlagFileDecoder``).
    case toml

    /// The format named in the configuration: compared case-insensitively; anything unknown (or empty)
    /// means ``yaml``, as in GOFF.
    /// - Parameter configValue: The `fileFormat` value.
    public init(configValue: String) {
        self = Self(rawValue: configValue.lowercased()) ?? .yaml
    }
}
