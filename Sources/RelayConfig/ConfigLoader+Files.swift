// SPDX-License-Identifier: Apache-2.0

import Foundation

extension ConfigLoader {
    /// The file `load(path:)` would read: `path` itself if it exists, else the first candidate in
    /// ``searchDirectories``.
    ///
    /// - Throws: ``ConfigError`` with code `.fileNotFound`: `impossible to find config file <path>`,
    ///   or `impossible to find config file in the default locations [<dirs>]`. Unlike GOFF this is
    ///   an error: goff-relay does not start on defaults alone.
    public func locateFile(path: String?) throws(ConfigError) -> String {
        if let path {
            guard Self.isRegularFile(path) else { throw Self.notFound("impossible to find config file \(path)") }
            return path
        }
        for directory in searchDirectories {
            for name in Self.candidateFileNames {
                let candidate = Self.join(directory, name)
                if Self.isRegularFile(candidate) { return candidate }
            }
        }
        var message =
            "impossible to find config file in the default locations [\(searchDirectories.joined(separator: ","))]"
        if let toml = searchDirectories.map({ Self.join($0, "goff-proxy.toml") }).first(where: Self.isRegularFile) {
            message += "; found \(toml), but goff-relay reads YAML or JSON only"
        }
        throw Self.notFound(message)
    }

    /// The file's text (UTF-8, byte-order mark removed).
    static func readFile(_ path: String) throws(ConfigError) -> String {
        if path.lowercased().hasSuffix(".toml") {
            throw unreadable(path, "TOML configuration files are not supported by goff-relay; use YAML or JSON")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw unreadable(path, "cannot read the configuration file")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw unreadable(path, "the configuration file is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : "\(directory)/\(name)"
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    private static func notFound(_ message: String) -> ConfigError {
        ConfigError(
            code: .fileNotFound,
            diagnostics: [ConfigDiagnostic(file: nil, keyPath: "", message: message, severity: .error)])
    }

    private static func unreadable(_ path: String, _ message: String) -> ConfigError {
        ConfigError(
            code: .unreadableFile,
            diagnostics: [ConfigDiagnostic(file: path, keyPath: "", message: message, severity: .error)])
    }
}
