// SPDX-License-Identifier: Apache-2.0

/// `whenFull`: what an exporter's spool does when accepting a request would exceed `maxSpoolBytes`.
///
/// Not used with `durability: memory`, whose in-memory log always rejects when full.
public enum SpoolFullPolicy: String, Sendable, Hashable, CaseIterable {
    /// The request is refused (HTTP 503) and nothing already stored is lost. The default.
    case reject
    /// The oldest records not yet sent are discarded to make room for the new ones.
    case dropOldest

    /// Parses a policy ignoring case (`dropoldest`, `REJECT`, ...).
    public init?(parsing text: String) {
        let lowered = text.lowercased()
        guard let policy = Self.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return nil }
        self = policy
    }
}
