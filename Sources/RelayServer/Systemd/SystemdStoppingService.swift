// SPDX-License-Identifier: Apache-2.0

import Logging
import ServiceLifecycle

/// Sends `STOPPING=1` the moment graceful shutdown begins, then returns.
///
/// A `ServiceGroup` shuts its services down one by one, last listed first: list this service LAST, so
/// that systemd hears `STOPPING=1` before the HTTP server closes and the exporters start draining (the
/// unit shows "deactivating" and `TimeoutStopSec` covers the drain). It sends nothing when
/// `NOTIFY_SOCKET` is unset, and nothing if the group is cancelled rather than shut down gracefully.
public struct SystemdStoppingService: Service {
    /// The notifier `STOPPING=1` goes through.
    public let notifier: SystemdNotifier
    private let logger: Logger

    /// Creates the service; a failure to send is logged with `logger`.
    public init(notifier: SystemdNotifier, logger: Logger) {
        self.notifier = notifier
        self.logger = logger
    }

    /// Waits for graceful shutdown, sends `STOPPING=1` and returns.
    public func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return  // cancelled: the process is going down without a graceful shutdown
        }
        do {
            try notifier.stopping()
        } catch {
            logger.warning("systemd STOPPING=1 not sent", metadata: ["goff.error": .string(error.description)])
        }
    }
}
