// SPDX-License-Identifier: Apache-2.0

/// One parsed AWS shared file: `~/.aws/config` or `~/.aws/credentials`.
///
/// The format, as the AWS SDKs' common profile-file rules define it:
/// - Lines end with LF or CRLF; a UTF-8 byte-order mark is skipped.
/// - A line whose first non-blank character is `#` or `;` is a comment. On a property line, `#` or `;`
///   preceded by a space or tab starts a comment; on a section line, anything after `]` does.
/// - In the config file, profiles are `[profile name]` and `[default]`; a plain `[name]` is ignored.
///   `[profile default]` wins over `[default]` when both are present. `[services name]` and
///   `[sso-session name]` are their own kinds of sections.
/// - In the credentials file, profiles are `[name]`; `[profile name]` is ignored.
/// - `key = value`, blanks around both trimmed, keys lowercased. Names may not contain blanks.
/// - An indented line continues the property above it: it becomes a sub-property (`key = value`)
///   when that property's value was empty, else it is appended to the value after a newline.
///   Comments are not recognized in continuation lines.
/// - Sections that appear twice are merged; of a key that appears twice, the last value wins.
///
/// Lines that fit none of these are skipped and reported in ``warnings`` (by line number, never by content).
public struct ProfileFile: Sendable, Equatable {
    /// Which of the two files the text comes from; they name profiles differently.
    public enum Kind: Sendable, Equatable {
        /// `~/.aws/config` (`AWS_CONFIG_FILE`): `[profile name]`, `[default]`, `[services name]`, `[sso-session name]`.
        case config
        /// `~/.aws/credentials` (`AWS_SHARED_CREDENTIALS_FILE`): `[name]`.
        case credentials
    }

    /// The profiles, by name.
    public var profiles: [String: ProfileSection]
    /// The `[services name]` sections, by name.
    public var services: [String: ProfileSection]
    /// The `[sso-session name]` sections, by name.
    public var ssoSessions: [String: ProfileSection]
    /// Problems found while parsing, for example `line 7: not a section, comment or key = value line (skipped)`.
    public var warnings: [String]

    /// An empty file.
    public init() {
        profiles = [:]
        services = [:]
        ssoSessions = [:]
        warnings = []
    }

    /// Parses a file's text.
    /// - Parameters:
    ///   - text: The file's content.
    ///   - kind: Which file it is.
    public init(parsing text: String, kind: Kind) {
        var parser = ProfileFileParser(kind: kind)
        parser.parse(text)
        self.init()
        for (key, section) in parser.sections {
            switch key.kind {
            case .profile: profiles[key.name] = section
            case .services: services[key.name] = section
            case .ssoSession: ssoSessions[key.name] = section
            }
        }
        // [profile default] wins over [default] in the config file.
        if let explicit = parser.explicitDefaultProfile {
            profiles["default"] = explicit
        }
        warnings = parser.warnings
    }
}
