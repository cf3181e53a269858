// SPDX-License-Identifier: Apache-2.0

import Events
import Foundation
import Logging
import Synchronization

/// Holds the current ``FlagSnapshot`` of one flag set and tells subscribers when the flags change.
///
/// ``install(_:at:)`` normalizes the flags (invalid ones are logged and left out), builds the new snapshot
/// and publishes a ``FlagChange`` when the canonical JSON of any flag differs. Reads are lock-protected
/// copies of an immutable value, cheap enough for every request.
public final class FlagStore: Sendable {
    private struct State {
        var snapshot: FlagSnapshot
        var subscribers: [UInt64: AsyncStream<FlagChange>.Continuation] = [:]
        var nextSubscriber: UInt64 = 0
    }

    private let state: Mutex<State>
    private let normalizer: any FlagNormalizer
    private let logger: Logger

    /// Creates an empty store.
    /// - Parameters:
    ///   - evaluationContextEnrichment: Served with the configuration (`evaluationContextEnrichment`).
    ///   - normalizer: Validates flags and gives their canonical JSON; the flag engine's in production.
    ///   - logger: Receives one error line per invalid flag dropped.
    public init(
        evaluationContextEnrichment: JSONObject = JSONObject(),
        normalizer: any FlagNormalizer = RawFlagNormalizer(),
        logger: Logger
    ) {
        state = Mutex(State(snapshot: .empty(enrichment: evaluationContextEnrichment)))
        self.normalizer = normalizer
        self.logger = logger
    }

    /// The current snapshot.
    public var snapshot: FlagSnapshot {
        state.withLock { $0.snapshot }
    }

    /// The current valid flags.
    public var flags: FlagSet { snapshot.flags }

    /// The time of the last successful refresh (GOFF's `cacheRefresh`), or `nil` before the first one.
    public var cacheRefresh: Date? { snapshot.refreshedAt }

    /// Installs a freshly retrieved flag set as the current one.
    /// - Parameters:
    ///   - flags: The merged raw flags.
    ///   - date: The refresh time to record.
    /// - Returns: The change, or `nil` when the valid flags are the same as before (only the refresh time
    ///   moves then).
    /// - Throws: The normalizer's ``FlagRetrievalError``; the store is then left untouched.
    @discardableResult
    public func install(_ flags: FlagSet, at date: Date = Date()) throws(FlagRetrievalError) -> FlagChange? {
        var valid = FlagSet()
        var flagJSON: [String: [UInt8]] = [:]
        for (key, flag) in flags {
            switch try normalizer.normalize(key: key, flag: flag) {
            case .valid(let json):
                valid[key] = flag
                flagJSON[key] = json
            case .invalid(let reason):
                logger.error(
                    "invalid configuration for flag",
                    metadata: ["goff.flag_key": .string(key), "goff.error": .string(reason)])
            }
        }
        return state.withLock { state -> FlagChange? in
            let previous = state.snapshot
            let candidate = FlagSnapshot(
                flags: valid, flagJSON: flagJSON, enrichment: previous.evaluationContextEnrichment,
                version: previous.version + 1, refreshedAt: date)
            guard let change = FlagChange(from: previous, to: candidate) else {
                // Same flags: keep the snapshot (and its version) but record the refresh. The very first
                // install of an empty set still counts as a change of version so that the store is "loaded".
                state.snapshot = previous.version == 0 ? candidate : previous.refreshed(at: date)
                return nil
            }
            state.snapshot = candidate
            for continuation in state.subscribers.values {
                continuation.yield(change)
            }
            return change
        }
    }

    /// A stream of every later change, for websocket/SSE broadcasters and notifiers.
    /// - Parameter bufferingPolicy: What to keep when the consumer lags; unbounded by default (changes
    ///   happen at most once per polling interval).
    /// - Returns: A stream that ends when the consuming task is cancelled.
    public func changes(
        bufferingPolicy: AsyncStream<FlagChange>.Continuation.BufferingPolicy = .unbounded
    ) -> AsyncStream<FlagChange> {
        let (stream, continuation) = AsyncStream.makeStream(of: FlagChange.self, bufferingPolicy: bufferingPolicy)
        let id = state.withLock { state -> UInt64 in
            let id = state.nextSubscriber
            state.nextSubscriber += 1
            state.subscribers[id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// The number of live ``changes(bufferingPolicy:)`` streams.
    public var subscriberCount: Int {
        state.withLock { $0.subscribers.count }
    }
}
