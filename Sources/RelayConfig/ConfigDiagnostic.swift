// SPDX-License-Identifier: Apache-2.0

/// One problem found while loading a configuration: where it is and what is wrong.
///
/// A diagnostic points either at a place in the configuration file (`file`, `line`, `column`) or at
/// the environment variable that supplied the value (`environmentVariable`). `keyPath` names the
/// setting, e.g. `exporters[1].streamArn`; it is empty for problems about the whole file.
public struct ConfigDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The configuration cannot be used.
        case error
        /// The configuration is usable, but something in it is ignored or suspicious.
        case warning
    }

    /// The configuration file the diagnostic is about, as it was given or found.
    public var file: String?
    /// The setting, e.g. `server.port` or `exporters[0].streamArn`; empty for the whole file.
    public var keyPath: String
    /// 1-based line in `file`, when the value came from the file.
    public var line: Int?
    /// 1-based column (in Unicode scalars) in `file`, when the value came from the file.
    public var column: Int?
    /// The environment variable the value came from, when it did not come from the file.
    public var environmentVariable: String?
    /// What is wrong.
    public var message: String
    /// Error or warning.
    public var severity: Severity

    /// Creates a diagnostic.
    public init(
        file: String?,
        keyPath: String,
        line: Int? = nil,
        column: Int? = nil,
        environmentVariable: String? = nil,
        message: String,
        severity: Severity
    ) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.column = column
        self.environmentVariable = environmentVariable
        self.message = message
        self.severity = severity
    }

    /// One line, e.g. `goff-proxy.yaml:7:5: exporters[0].streamArn: <message>`; warnings carry a
    /// `warning:` tag after the location, and values from the environment name their variable:
    /// `environment variable SERVER_PORT: server.port: <message>`.
    public var description: String {
        var parts: [String] = []
        if let environmentVariable {
            parts.append("environment variable \(environmentVariable)")
        } else if let file {
            var location = file
            if let line {
                location += ":\(line)"
                if let column { location += ":\(column)" }
            }
            parts.append(location)
        }
        if severity == .warning { parts.append("warning") }
        if !keyPath.isEmpty { parts.append(keyPath) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
