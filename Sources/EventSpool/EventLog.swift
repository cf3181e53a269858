// SPDX-License-Identifier: Apache-2.0

/// The hand-off between the HTTP side (which appends accepted events) and one exporter (which reads,
/// sends, and acknowledges them).
///
/// Invariants every implementation keeps:
/// - `append` either takes all the records of a call or none of them (it throws ``EventLogError``).
/// - A record is handed out by `read` at most once per process run, in append order.
/// - A record counts against the capacity until it is acknowledged, not merely read: records that an
///   exporter holds for a retry still occupy space, so memory (or disk) stays bounded.
public protocol EventLog: Sendable {
    /// Appends records. Returns once they are as safe as the log promises.
    /// - Throws: ``EventLogError`` with code `.full` when the records do not fit, `.closed` after ``close()``.
    func append(_ records: [ExportRecord]) async throws(EventLogError)

    /// Waits until an unread record exists, the log is closed and fully read, or `timeout` passes
    /// (`nil` waits without limit). Returns at once when the calling task is cancelled.
    func waitForRecords(timeout: Duration?) async -> EventLogReadiness

    /// Returns, without waiting, up to `maxRecords` unread records in append order whose summed
    /// ``ExportRecord/kinesisSize`` stays within `maxBytes`. The first record is returned even when it
    /// alone is larger, so that the caller can dead-letter it.
    func readAvailable(maxRecords: Int, maxBytes: Int) async -> [LoggedRecord]

    /// Marks records as finished (delivered, or moved to the dead-letter file) and frees their space.
    func acknowledge(_ sequences: [UInt64]) async

    /// Stops accepting appends; readers drain what is left, then see ``EventLogReadiness/closed``.
    func close()

    /// Counts for status and metrics.
    func statistics() async -> EventLogStatistics
}

/// What ``EventLog/waitForRecords(timeout:)`` observed.
public enum EventLogReadiness: Sendable, Equatable {
    /// Unread records exist.
    case ready
    /// The timeout passed (or the task was cancelled) with nothing unread.
    case timedOut
    /// The log is closed and every record has been read.
    case closed
}

/// A snapshot of an ``EventLog``'s counters.
public struct EventLogStatistics: Sendable, Equatable {
    /// Records appended and not yet acknowledged (unread plus in flight).
    public var pendingRecords: Int
    /// Bytes of those records.
    public var pendingBytes: Int
    /// Records appended and not yet handed to a reader.
    public var unreadRecords: Int
    /// The capacity in bytes.
    public var capacityBytes: Int

    /// Creates a snapshot.
    public init(pendingRecords: Int, pendingBytes: Int, unreadRecords: Int, capacityBytes: Int) {
        self.pendingRecords = pendingRecords
        self.pendingBytes = pendingBytes
        self.unreadRecords = unreadRecords
        self.capacityBytes = capacityBytes
    }
}

/// Why an ``EventLog`` refused an append.
public struct EventLogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of refusal.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String
        /// The log is at capacity; retry later.
        public static let full = Code(name: "full")
        /// The log was closed (shutdown in progress).
        public static let closed = Code(name: "closed")
        /// Human-readable name.
        public var description: String { name }
    }

    /// The kind of refusal.
    public var code: Code
    /// A message fit for a log line or an HTTP error body.
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
