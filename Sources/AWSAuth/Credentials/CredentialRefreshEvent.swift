// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What a ``CachingCredentialProvider`` reports after each refresh, for logs and metrics.
/// Descriptions never contain secrets.
public enum CredentialRefreshEvent: Sendable, CustomStringConvertible {
    /// New credentials were fetched; they expire at the date (`nil`: they do not expire).
    case refreshed(accessKeyID: String, expiration: Date?)
    /// The refresh failed, but the previous credentials are still valid and stay in use until the date;
    /// the next attempt comes after the retry interval.
    case refreshFailedKeepingPrevious(error: any Error, validUntil: Date?)
    /// The refresh failed and no valid credentials remain: callers get the error.
    case refreshFailed(error: any Error)

    /// For example `credentials refreshed (ASIA…, expire 2026-01-01T12:00:00Z)`.
    public var description: String {
        switch self {
        case .refreshed(let accessKeyID, let expiration):
            "credentials refreshed (\(accessKeyID), "
                + (expiration.map { "expire \($0.formatted(.iso8601)))" } ?? "no expiry)")
        case .refreshFailedKeepingPrevious(let error, let validUntil):
            "credential refresh failed, keeping the previous credentials"
                + (validUntil.map { " (valid until \($0.formatted(.iso8601)))" } ?? "") + ": \(error)"
        case .refreshFailed(let error):
            "credential refresh failed: \(error)"
        }
    }
}
