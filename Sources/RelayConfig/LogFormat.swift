// SPDX-License-Identifier: Apache-2.0

/// `logFormat`: how log lines are written.
public enum LogFormat: String, Sendable, Hashable, CaseIterable {
    /// One JSON object per line (the default).
    case json
    /// `key=value` pairs.
    case logfmt

    /// Parses a format ignoring case; an empty string means `json`.
    public init?(parsing text: String) {
        let lowered = text.lowercased()
        if lowered.isEmpty {
            self = .json
        } else if let format = LogFormat(rawValue: lowered) {
            self = format
        } else {
            return nil
        }
    }
}
