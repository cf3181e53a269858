// SPDX-License-Identifier: Apache-2.0

/// Removes secrets from text that may reach a log or an error message.
enum Redaction {
    /// `text` with every occurrence of each non-trivial secret (4 characters or more) replaced by `<redacted>`,
    /// and cut to `limit` characters.
    static func scrub(_ text: String, secrets: [String?], limit: Int = 300) -> String {
        var result = text
        for case let secret? in secrets where secret.count >= 4 {
            result = result.replacingAll(secret, with: "<redacted>")
        }
        if result.count > limit {
            result = String(result.prefix(limit)) + "…"
        }
        return result
    }
}

extension String {
    /// `self` with every occurrence of `target` replaced (no Foundation needed).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
