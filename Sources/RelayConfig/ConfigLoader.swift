// SPDX-License-Identifier: Apache-2.0

/// Finds, reads, parses and validates `goff-proxy.yaml`, applying environment-variable overrides.
///
/// Pure: reading the file is its only I/O; it starts nothing. Every problem is collected (not only
/// the first) and reported with file, key path and line/column, or with the environment variable
/// that supplied the value.
///
/// ```swift
/// let loader = ConfigLoader(environment: ProcessInfo.processInfo.environment)
/// let configuration = try loader.load(path: options.config)
/// ```
public struct ConfigLoader: Sendable {
    /// Where a configuration file is looked for when no path is given, in order (GOFF's).
    public static let defaultSearchDirectories = ["./", "/goff/", "/etc/opt/goff/"]
    /// File names tried in each directory, in order.
    public static let candidateFileNames = ["goff-proxy.yaml", "goff-proxy.yml", "goff-proxy.json"]

    /// The process environment (or a test's), used for overrides.
    public var environment: [String: String]
    /// Directories searched when no path is given (injectable for tests).
    public var searchDirectories: [String]

    /// Creates a loader reading overrides from `environment`.
    public init(environment: [String: String], searchDirectories: [String] = defaultSearchDirectories) {
        self.environment = environment
        self.searchDirectories = searchDirectories
    }

    /// Loads the configuration from `path`, or from the first file found in ``searchDirectories``
    /// (directories outer loop, ``candidateFileNames`` inner loop) when `path` is `nil`.
    ///
    /// - Throws: ``ConfigError`` with every error found (and the warnings so far).
    public func load(path: String?) throws(ConfigError) -> RelayConfiguration {
        let file = try locateFile(path: path)
        let text = try Self.readFile(file)
        return try load(contents: text, sourceFile: file)
    }

    /// Loads a configuration from text; `sourceFile` names it in diagnostics.
    ///
    /// - Throws: ``ConfigError`` with every error found (and the warnings so far).
    public func load(contents: String, sourceFile: String) throws(ConfigError) -> RelayConfiguration {
        var reader = YAMLDocumentReader(file: sourceFile)
        guard var root = reader.read(contents) else {
            throw ConfigError(code: .syntax, diagnostics: reader.diagnostics)
        }
        if root.isNull { root = .emptyMap(origin: root.origin) }
        guard root.entries != nil else {
            let diagnostic = ConfigDiagnostic(
                file: sourceFile, keyPath: "", message: "the configuration must be a mapping of keys to values",
                severity: .error)
            throw ConfigError(code: .invalidConfiguration, diagnostics: reader.diagnostics + [diagnostic])
        }
        // The prefix comes from the file only: it cannot itself be set from the environment.
        let prefix = root["envVariablePrefix"]?.text ?? ""
        var overlay = EnvironmentOverlay(environment: environment, prefix: prefix)
        let merged = overlay.apply(to: root)
        var decoder = ConfigDecoder(file: sourceFile)
        var configuration = decoder.decode(merged)

        let all = Self.sorted(reader.diagnostics + overlay.diagnostics + decoder.diagnostics)
        let errors = all.filter { $0.severity == .error }
        let warnings = all.filter { $0.severity == .warning }
        guard errors.isEmpty else {
            throw ConfigError(code: .invalidConfiguration, diagnostics: errors + warnings)
        }
        configuration.sourceFile = sourceFile
        configuration.warnings = warnings
        return configuration
    }

    /// Everything `load(path:)` would report, errors and warnings, without throwing — for a
    /// `goff-relay validate` command. The configuration is valid when no diagnostic is an error.
    public func validateOnly(path: String?) -> [ConfigDiagnostic] {
        do {
            return try load(path: path).warnings
        } catch {
            return error.diagnostics
        }
    }

    /// File diagnostics by line and column, then environment ones by variable name, then those
    /// without a location; ties keep their order.
    static func sorted(_ diagnostics: [ConfigDiagnostic]) -> [ConfigDiagnostic] {
        func key(_ diagnostic: ConfigDiagnostic) -> (Int, Int, Int, String) {
            if let variable = diagnostic.environmentVariable { return (1, 0, 0, variable) }
            guard let line = diagnostic.line else { return (2, 0, 0, "") }
            return (0, line, diagnostic.column ?? 0, "")
        }
        return diagnostics.enumerated().sorted { lhs, rhs in
            let (left, right) = (key(lhs.element), key(rhs.element))
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
