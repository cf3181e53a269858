// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import ServiceLifecycle

/// Keeps a ``FlagStore`` up to date: the first load at start-up, then a refresh every polling period until
/// graceful shutdown, plus ``refreshNow()`` for `POST /admin/v1/retriever/refresh`.
///
/// GOFF's rules: a failed refresh keeps the previous flags and logs one line; after each load that changed
/// the flags (or when the file is missing) the persistent flag configuration file is rewritten; when the
/// first retrieval fails, that file is used instead; if that fails too (or there is none), start-up fails
/// unless `startWithRetrieverError` is set, in which case the relay starts with no flags and keeps polling.
///
/// Copies share their state, so the service put in the `ServiceGroup` and the one the admin route calls
/// may be copies of each other.
public struct FlagRefreshService: Service, CustomStringConvertible {
    /// The store this service fills.
    public let store: FlagStore
    /// The period between two polls (after GOFF's rules and the jitter), or `nil` when polling is off.
    public let pollingPeriod: Duration?
    /// The settings this service was built with.
    public let configuration: Configuration

    let loader: FlagLoader
    let logger: Logger
    let state = RefreshState()
    /// Waits until the given instant; replaced by tests to drive polls by hand.
    let sleep: @Sendable (ContinuousClock.Instant) async throws -> Void

    /// Creates the service.
    /// - Parameters:
    ///   - retrievers: The flag set's retrievers in declaration order.
    ///   - configuration: The flag set's retrieval settings.
    ///   - store: The store to fill.
    ///   - logger: Receives refresh failures (one line each, no secrets) and changes.
    public init(
        retrievers: [any FlagRetriever], configuration: Configuration = .init(), store: FlagStore, logger: Logger
    ) {
        var generator = SystemRandomNumberGenerator()
        let period = PollingSchedule.period(
            milliseconds: configuration.pollingInterval, jitter: configuration.enablePollingJitter,
            using: &generator)
        self.init(
            retrievers: retrievers, configuration: configuration, store: store, logger: logger,
            pollingPeriod: period, sleep: { try await Task.sleep(until: $0, clock: .continuous) })
    }

    init(
        retrievers: [any FlagRetriever], configuration: Configuration, store: FlagStore, logger: Logger,
        pollingPeriod: Duration?, sleep: @escaping @Sendable (ContinuousClock.Instant) async throws -> Void
    ) {
        self.store = store
        self.configuration = configuration
        self.loader = FlagLoader(retrievers: retrievers, format: configuration.fileFormat)
        self.logger = logger
        self.pollingPeriod = pollingPeriod
        self.sleep = sleep
    }

    /// What the service group logs: counts only (URLs may carry credentials).
    public var description: String {
        let polling = pollingPeriod.map { "\($0)" } ?? "off"
        return "FlagRefreshService(retrievers: \(loader.retrievers.count), polling: \(polling))"
    }

    /// Loads the flags for the first time; later calls wait for that same load and return its outcome.
    /// Call it before starting the HTTP server to serve flags from the first request on; ``run()`` calls it
    /// too.
    /// - Throws: ``FlagRetrievalError/Code/initialLoad`` when start-up must fail (turn it into a non-zero
    ///   exit).
    public func initialLoad() async throws(FlagRetrievalError) {
        let task = state.initialLoadTask {
            Task { await self.performInitialLoad() }
        }
        try await task.value.get()
    }

    /// Runs the initial load, then polls until graceful shutdown or cancellation.
    /// - Throws: The initial load's ``FlagRetrievalError`` when start-up must fail.
    public func run() async throws {
        try await initialLoad()
        guard let period = pollingPeriod else {
            try? await gracefulShutdown()
            return
        }
        try? await cancelWhenGracefulShutdown {
            try await self.poll(every: period)
        }
    }

    /// Refreshes now (the admin refresh endpoint).
    /// - Returns: `true` when every retriever succeeded and the flags were installed (GOFF's `refreshed`).
    @discardableResult
    public func refreshNow() async -> Bool {
        await refresh(reason: "forced refresh")
    }

    /// Sleeps until each deadline and refreshes; a slow refresh skips the deadlines it overran (as a Go
    /// ticker drops ticks).
    func poll(every period: Duration) async throws {
        let clock = ContinuousClock()
        var deadline = clock.now.advanced(by: period)
        while true {
            try await sleep(deadline)
            try Task.checkCancellation()
            _ = await refresh(reason: "polling")
            let now = clock.now
            repeat {
                deadline = deadline.advanced(by: period)
            } while deadline <= now
        }
    }

    /// Loads, installs and persists; logs one line when it fails.
    func refresh(reason: String) async -> Bool {
        let sequence = state.beginRefresh()
        do {
            let flags = try await loader.load()
            try state.applyIfLatest(sequence) { () throws(FlagRetrievalError) in
                try install(flags, persist: true)
            }
            return true
        } catch {
            if !Task.isCancelled {
                logger.error(
                    "error while updating the flags; the previous flags are kept",
                    metadata: ["goff.reason": .string(reason), "goff.error": .string(error.message)])
            }
            return false
        }
    }

    /// Installs `flags` in the store, logs the change, rewrites the persistent file when asked and needed.
    func install(_ flags: FlagSet, persist: Bool) throws(FlagRetrievalError) {
        let change = try store.install(flags)
        if let change {
            logger.info(
                "flags updated",
                metadata: [
                    "goff.flags": .stringConvertible(change.current.flags.count),
                    "goff.added": .stringConvertible(change.added.count),
                    "goff.updated": .stringConvertible(change.updated.count),
                    "goff.deleted": .stringConvertible(change.deleted.count),
                ])
        } else {
            logger.debug("flags refreshed, no change", metadata: ["goff.flags": .stringConvertible(flags.count)])
        }
        guard persist, let path = configuration.persistentFlagConfigurationFile else { return }
        let file = PersistentFlagFile(path: path)
        guard change != nil || !file.exists else { return }
        do {
            try file.write(store.snapshot)
            logger.info("flags persisted to file", metadata: ["goff.path": .string(path)])
        } catch {
            logger.error(
                "error while writing the persistent flag configuration file",
                metadata: ["goff.path": .string(path), "goff.error": .string(error.message)])
        }
    }
}
