// SPDX-License-Identifier: Apache-2.0

import Logging
import ServiceLifecycle

/// Sends `WATCHDOG=1` at the notifier's ``SystemdNotifier/watchdogInterval`` (half of `WATCHDOG_USEC`)
/// until graceful shutdown, the first one as soon as it runs.
///
/// When the watchdog is off (no `WATCHDOG_USEC`, another `WATCHDOG_PID`, or no `NOTIFY_SOCKET`) it sends
/// nothing and just waits for graceful shutdown, so it can always be added to a `ServiceGroup`: returning
/// early would end the group.
///
/// Ordering in the `ServiceGroup`: a group shuts its services down one by one, last listed first. List
/// this service FIRST, so that it keeps pinging while the exporters drain and stops only when everything
/// else has finished.
public struct SystemdWatchdogService: Service {
    /// The notifier the pings go through.
    public let notifier: SystemdNotifier
    private let logger: Logger

    /// Creates the service; failures to send are logged with `logger` (once per run of failures).
    public init(notifier: SystemdNotifier, logger: Logger) {
        self.notifier = notifier
        self.logger = logger
    }

    /// The ping interval, or `nil` if this service sends nothing.
    public var interval: Duration? {
        notifier.isEnabled ? notifier.watchdogInterval : nil
    }

    /// Pings until graceful shutdown (or cancellation).
    public func run() async throws {
        guard let interval else {
            try? await gracefulShutdown()
            return
        }
        logger.debug(
            "systemd watchdog on", metadata: ["goff.watchdog_interval_ms": .stringConvertible(interval.milliseconds)])
        var failing = false
        ping(&failing)
        for await _ in WatchdogTicks(interval: interval).cancelOnGracefulShutdown() {
            ping(&failing)
        }
    }

    private func ping(_ failing: inout Bool) {
        do {
            try notifier.watchdog()
            if failing {
                logger.info("systemd watchdog ping sent again")
                failing = false
            }
        } catch {
            if !failing {
                logger.warning("systemd watchdog ping failed", metadata: ["goff.error": .string(error.description)])
                failing = true
            }
        }
    }
}

/// An endless sequence that yields after every `interval`, and ends when its task is cancelled.
struct WatchdogTicks: AsyncSequence, Sendable {
    typealias Element = Void
    let interval: Duration

    struct AsyncIterator: AsyncIteratorProtocol {
        let interval: Duration

        mutating func next() async -> Void? {
            do {
                try await Task.sleep(for: interval)
                return ()
            } catch {
                return nil
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(interval: interval) }
}

extension Duration {
    /// The whole number of milliseconds.
    fileprivate var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
