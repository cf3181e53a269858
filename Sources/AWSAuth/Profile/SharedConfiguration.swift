// SPDX-License-Identifier: Apache-2.0

/// The shared config and credentials files together, and the profile the process uses.
///
/// A profile's settings are its `[profile name]` section of the config file overlaid by its `[name]`
/// section of the credentials file (the credentials file wins, as in the SDKs).
/// ```swift
/// let shared = try SharedConfiguration.load(environment: ProcessInfo.processInfo.environment)
/// shared.selectedProfile?["region"]
/// ```
public struct SharedConfiguration: Sendable, Equatable {
    /// The variable naming the profile; `default` when unset or empty.
    public static let profileVariable = "AWS_PROFILE"
    /// The variable naming the config file; `~/.aws/config` when unset or empty.
    public static let configFileVariable = "AWS_CONFIG_FILE"
    /// The variable naming the credentials file; `~/.aws/credentials` when unset or empty.
    public static let credentialsFileVariable = "AWS_SHARED_CREDENTIALS_FILE"

    /// The parsed config file (empty when it does not exist).
    public var config: ProfileFile
    /// The parsed credentials file (empty when it does not exist).
    public var credentials: ProfileFile
    /// The profile in use: `AWS_PROFILE`, else `default`.
    public var profileName: String
    /// Whether the profile was named by `AWS_PROFILE` (then it must exist).
    public var profileIsExplicit: Bool
    /// The config file's path, for messages; `nil` when not read from a file.
    public var configPath: String?
    /// The credentials file's path, for messages; `nil` when not read from a file.
    public var credentialsPath: String?

    /// Creates a configuration from parsed files.
    /// - Parameters:
    ///   - config: The config file.
    ///   - credentials: The credentials file.
    ///   - profileName: The profile in use.
    ///   - profileIsExplicit: Whether the profile was chosen explicitly.
    public init(
        config: ProfileFile = ProfileFile(), credentials: ProfileFile = ProfileFile(), profileName: String = "default",
        profileIsExplicit: Bool = false
    ) {
        self.config = config
        self.credentials = credentials
        self.profileName = profileName
        self.profileIsExplicit = profileIsExplicit
    }

    /// Parses file texts, taking the profile from `AWS_PROFILE` in `environment`.
    /// - Parameters:
    ///   - config: The config file's text, or `nil`.
    ///   - credentials: The credentials file's text, or `nil`.
    ///   - environment: The process environment.
    public init(config: String?, credentials: String?, environment: [String: String]) {
        let name = environment[Self.profileVariable].flatMap { $0.isEmpty ? nil : $0 }
        self.init(
            config: config.map { ProfileFile(parsing: $0, kind: .config) } ?? ProfileFile(),
            credentials: credentials.map { ProfileFile(parsing: $0, kind: .credentials) } ?? ProfileFile(),
            profileName: name ?? "default",
            profileIsExplicit: name != nil)
    }

    /// A profile's merged settings, or `nil` when neither file has it.
    public func profile(_ name: String) -> ProfileSection? {
        switch (config.profiles[name], credentials.profiles[name]) {
        case (let fromConfig?, let fromCredentials?): fromConfig.overlaid(with: fromCredentials)
        case (let fromConfig?, nil): fromConfig
        case (nil, let fromCredentials?): fromCredentials
        case (nil, nil): nil
        }
    }

    /// The settings of the profile in use, or `nil` when neither file has it.
    public var selectedProfile: ProfileSection? {
        profile(profileName)
    }

    /// The `[services name]` section the selected profile names with `services = name`, if both exist.
    public var selectedServices: ProfileSection? {
        guard let name = selectedProfile?.value("services") else { return nil }
        return config.services[name]
    }

    /// Both files' parse warnings, each prefixed with the file's path (or `config`/`credentials`).
    public var warnings: [String] {
        config.warnings.map { "\(configPath ?? "config"): \($0)" }
            + credentials.warnings.map { "\(credentialsPath ?? "credentials"): \($0)" }
    }

    /// A setting that an environment variable overrides: the variable when it is set (even empty,
    /// as botocore does), else the selected profile's property.
    func setting(variable: String, profileKey: String, environment: [String: String]) -> String? {
        if let value = environment[variable] {
            return value
        }
        return selectedProfile?[profileKey]
    }
}
