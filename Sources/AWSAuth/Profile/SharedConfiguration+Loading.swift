// SPDX-License-Identifier: Apache-2.0
import Foundation

extension SharedConfiguration {
    /// Reads the files the environment names (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, else
    /// `$HOME/.aws/config` and `$HOME/.aws/credentials`) and takes the profile from `AWS_PROFILE`.
    ///
    /// A file that does not exist counts as empty. A leading `~/` in a path means `$HOME/`.
    /// - Parameter environment: The process environment.
    /// - Throws: ``CredentialError`` with code `fileUnreadable` when a file exists but cannot be read
    ///   as UTF-8 text.
    public static func load(environment: [String: String]) throws(CredentialError) -> SharedConfiguration {
        let configPath = path(variable: configFileVariable, default: "~/.aws/config", environment: environment)
        let credentialsPath = path(
            variable: credentialsFileVariable, default: "~/.aws/credentials", environment: environment)
        var configuration = SharedConfiguration(
            config: try read(configPath, variable: configFileVariable),
            credentials: try read(credentialsPath, variable: credentialsFileVariable),
            environment: environment)
        configuration.configPath = configPath
        configuration.credentialsPath = credentialsPath
        return configuration
    }

    /// The path a variable names (or the default), with `~/` expanded from `HOME`; `nil` when `~/` is
    /// needed but `HOME` is unset.
    static func path(variable: String, default fallback: String, environment: [String: String]) -> String? {
        var path = environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? fallback
        if path == "~" || path.hasPrefix("~/") {
            guard let home = environment["HOME"], !home.isEmpty else { return nil }
            path = home + path.dropFirst()
        }
        return path
    }

    private static func read(_ path: String?, variable: String) throws(CredentialError) -> String? {
        guard let path else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return nil
        } catch {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                return nil
            }
            throw CredentialError(
                code: .fileUnreadable, variable: variable,
                message:
                    "cannot read \(path) (\(variable)): "
                    + (isDirectory.boolValue ? "a directory" : "not UTF-8 text or not readable")
            )
        }
        return text
    }
}
