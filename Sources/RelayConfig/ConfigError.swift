// SPDX-License-Identifier: Apache-2.0

/// The configuration could not be loaded; `diagnostics` lists every problem found (all of them, not
/// only the first), errors first in file order, then any warnings gathered on the way.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Code: String, Sendable, Hashable {
        /// No configuration file was found, or the given one does not exist.
        case fileNotFound
        /// The file exists but could not be read or is not UTF-8 text.
        case unreadableFile
        /// The file is not valid YAML / JSON.
        case syntax
        /// The file parsed, but one or more settings are invalid.
        case invalidConfiguration
    }

    /// What kind of failure this is.
    public var code: Code
    /// Every diagnostic collected; at least one has severity `.error`.
    public var diagnostics: [ConfigDiagnostic]

    /// Creates an error from its diagnostics.
    public init(code: Code, diagnostics: [ConfigDiagnostic]) {
        self.code = code
        self.diagnostics = diagnostics
    }

    /// The diagnostics whose severity is `.error`.
    public var errors: [ConfigDiagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One line per diagnostic (see ``ConfigDiagnostic/description``).
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
