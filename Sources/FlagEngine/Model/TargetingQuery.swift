// SPDX-License-Identifier: Apache-2.0

import Events

/// A targeting query compiled once: GOFF trims it (each line's leading spaces removed, lines joined without a
/// separator), then reads a JSON object as JsonLogic and anything else as a nikunjy/rules expression.
public struct TargetingQuery: Sendable {
    /// The query as written.
    public let source: String
    /// The trimmed text GOFF evaluates.
    public let trimmed: String
    let kind: Kind

    enum Kind: Sendable {
        /// Empty after trimming: always matches.
        case always
        case nikunjy(NikunjyExpression)
        /// The rule as parsed (for validation) and converted once to jsonlogic's value model.
        case jsonLogic(JSONValue, JLValue)
    }

    /// `true` when the query is JsonLogic.
    public var isJSONLogic: Bool {
        if case .jsonLogic = kind { return true }
        return false
    }

    /// Compiles `source`.
    public init(_ source: String) {
        self.source = source
        let trimmed = TargetingQuery.strTrim(source)
        self.trimmed = trimmed
        if trimmed.isEmpty {
            kind = .always
        } else if let parsed = try? JSONParser.parse(trimmed), case .object = parsed {
            kind = .jsonLogic(parsed, JLValue(parsed))
        } else {
            kind = .nikunjy(NikunjyParser.parse(trimmed))
        }
    }

    /// GOFF's `StrTrim`: split on `\n`, strip leading spaces of each line, join with nothing.
    static func strTrim(_ s: String) -> String {
        guard s.utf8.contains(10) || s.utf8.first == 32 else { return s }
        return s.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.drop { $0 == " " } }
            .joined()
    }
}
