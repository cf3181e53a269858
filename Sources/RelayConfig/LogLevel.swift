// SPDX-License-Identifier: Apache-2.0

/// `logLevel`: GOFF's (zap's) levels, parsed ignoring case.
public enum LogLevel: String, Sendable, Hashable, CaseIterable {
    /// `debug`: also turns on request/response logging in GOFF.
    case debug
    /// `info` (the default).
    case info
    /// `warn`.
    case warn
    /// `error`.
    case error
    /// `dpanic`: zap's "panic in development" level; logged as an error.
    case dpanic
    /// `panic`.
    case panic
    /// `fatal`.
    case fatal

    /// Parses a level the way zap does: case-insensitive, an empty string meaning `info`.
    public init?(parsing text: String) {
        let lowered = text.lowercased()
        if lowered.isEmpty {
            self = .info
        } else if let level = LogLevel(rawValue: lowered) {
            self = level
        } else {
            return nil
        }
    }
}
