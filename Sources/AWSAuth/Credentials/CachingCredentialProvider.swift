// SPDX-License-Identifier: Apache-2.0
import Foundation
import Synchronization

/// Caches another provider's credentials and refreshes them ahead of expiry, with one refresh at a time.
///
/// - Credentials without an expiration are kept until ``invalidate()``.
/// - Temporary credentials are refreshed once the clock reaches their expiration minus
///   ``Settings/refreshWindow`` (5 minutes by default). Credentials that live shorter than twice the
///   window are refreshed halfway through their remaining life instead, so they are not fetched on every call.
/// - Every caller that needs a refresh while one is running awaits that same refresh: no stampede.
///   Cancelling a waiting caller does not cancel the refresh.
/// - If a refresh fails while the previous credentials are still valid, those are returned and the
///   next attempt waits ``Settings/retryInterval`` (static stability); past expiry the error is thrown.
/// - After AWS rejects the credentials (`ExpiredToken…`), call ``invalidate(rejected:)`` so the next
///   call fetches new ones.
public final class CachingCredentialProvider: AWSCredentialProvider, CustomStringConvertible {
    /// Timing of a ``CachingCredentialProvider``.
    public struct Settings: Sendable {
        /// How long before expiry a refresh starts, in seconds.
        public var refreshWindow: TimeInterval
        /// How long to keep using still-valid credentials after a failed refresh before trying again, in seconds.
        public var retryInterval: TimeInterval
        /// The clock compared with expirations.
        public var now: @Sendable () -> Date

        /// Creates settings.
        /// - Parameters:
        ///   - refreshWindow: Seconds before expiry to refresh; 300 by default.
        ///   - retryInterval: Seconds between attempts while the previous credentials are still valid; 30 by default.
        ///   - now: The clock; `Date()` by default.
        public init(
            refreshWindow: TimeInterval = 300, retryInterval: TimeInterval = 30,
            now: @escaping @Sendable () -> Date = { Date() }
        ) {
            self.refreshWindow = refreshWindow
            self.retryInterval = retryInterval
            self.now = now
        }
    }

    private struct State {
        var current: AWSCredentials?
        /// When ``current`` should be refreshed; `nil` for credentials that do not expire.
        var refreshAt: Date?
        /// No refresh attempt before this date (after a failure while ``current`` is still valid).
        var nextAttempt: Date?
        var refresh: Task<AWSCredentials, any Error>?
        var waiting = 0
        var refreshes = 0
    }

    /// The provider whose credentials are cached.
    public let source: any AWSCredentialProvider
    /// The timing.
    public let settings: Settings
    private let observer: (@Sendable (CredentialRefreshEvent) -> Void)?
    private let state = Mutex(State())

    /// Wraps a provider.
    /// - Parameters:
    ///   - source: The provider to cache.
    ///   - settings: The timing.
    ///   - observer: Called after every refresh (success or failure), on the refreshing task.
    public init(
        _ source: any AWSCredentialProvider, settings: Settings = Settings(),
        observer: (@Sendable (CredentialRefreshEvent) -> Void)? = nil
    ) {
        self.source = source
        self.settings = settings
        self.observer = observer
    }

    /// The cached credentials, refreshed first when due.
    /// - Throws: The source's error when no valid credentials are cached and the refresh fails.
    public func credentials() async throws -> AWSCredentials {
        let now = settings.now()
        enum Step {
            case ready(AWSCredentials)
            case wait(Task<AWSCredentials, any Error>)
        }
        let step = state.withLock { state -> Step in
            if let current = state.current {
                let due = state.refreshAt.map { now >= $0 } ?? false
                let backingOff = state.nextAttempt.map { now < $0 } ?? false
                if !due || (backingOff && Self.isValid(current, at: now)) {
                    return .ready(current)
                }
            }
            state.waiting += 1
            if let refresh = state.refresh {
                return .wait(refresh)
            }
            let refresh = Task { try await self.performRefresh() }
            state.refresh = refresh
            return .wait(refresh)
        }
        switch step {
        case .ready(let credentials):
            return credentials
        case .wait(let refresh):
            defer { state.withLock { $0.waiting -= 1 } }
            return try await refresh.value
        }
    }

    /// Forgets the cached credentials: the next call fetches new ones. A running refresh is left alone.
    public func invalidate() {
        state.withLock { state in
            state.current = nil
            state.refreshAt = nil
            state.nextAttempt = nil
        }
    }

    /// Forgets the cached credentials only if they are the ones AWS rejected, so that many requests
    /// failing with the same expired token cause one refresh, not one each.
    /// - Parameter rejected: The credentials the failed request was signed with.
    public func invalidate(rejected: AWSCredentials) {
        state.withLock { state in
            guard let current = state.current, current.accessKeyID == rejected.accessKeyID,
                current.sessionToken == rejected.sessionToken
            else { return }
            state.current = nil
            state.refreshAt = nil
            state.nextAttempt = nil
        }
    }

    /// How many refreshes have started.
    public var refreshCount: Int { state.withLock { $0.refreshes } }

    /// Callers currently awaiting a refresh (for tests).
    var waitingCallers: Int { state.withLock { $0.waiting } }

    /// For example `CachingCredentialProvider(EnvironmentCredentialProvider(...))`.
    public var description: String { "CachingCredentialProvider(\(source))" }

    private func performRefresh() async throws -> AWSCredentials {
        state.withLock { $0.refreshes += 1 }
        do {
            let fresh = try await source.credentials()
            let now = settings.now()
            state.withLock { state in
                state.current = fresh
                state.refreshAt = fresh.expiration.map { refreshDate(expiration: $0, now: now) }
                state.nextAttempt = nil
                state.refresh = nil
            }
            observer?(.refreshed(accessKeyID: fresh.accessKeyID, expiration: fresh.expiration))
            return fresh
        } catch {
            let now = settings.now()
            let kept = state.withLock { state -> AWSCredentials? in
                state.refresh = nil
                guard let current = state.current, Self.isValid(current, at: now) else {
                    state.current = nil
                    return nil
                }
                state.nextAttempt = now.addingTimeInterval(settings.retryInterval)
                return current
            }
            guard let kept else {
                observer?(.refreshFailed(error: error))
                throw error
            }
            observer?(.refreshFailedKeepingPrevious(error: error, validUntil: kept.expiration))
            return kept
        }
    }

    /// `expiration − refreshWindow`, or halfway to expiry when that is already past.
    private func refreshDate(expiration: Date, now: Date) -> Date {
        let early = expiration.addingTimeInterval(-settings.refreshWindow)
        if early > now {
            return early
        }
        return now.addingTimeInterval(max(0, expiration.timeIntervalSince(now)) / 2)
    }

    private static func isValid(_ credentials: AWSCredentials, at now: Date) -> Bool {
        credentials.expiration.map { now < $0 } ?? true
    }
}
