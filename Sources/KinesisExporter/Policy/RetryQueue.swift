// SPDX-License-Identifier: Apache-2.0

import EventSpool

/// A record that Kinesis refused (alone, or with its whole call) and that waits for another attempt.
public struct PendingRecord: Sendable, Equatable {
    /// The record and its position in the event log.
    public var logged: LoggedRecord
    /// Attempts made so far.
    public var attempts: Int
    /// The earliest instant of the next attempt.
    public var notBefore: ContinuousClock.Instant
    /// The error code of the last failure.
    public var lastError: String

    /// Creates a pending record.
    public init(logged: LoggedRecord, attempts: Int, notBefore: ContinuousClock.Instant, lastError: String) {
        self.logged = logged
        self.attempts = attempts
        self.notBefore = notBefore
        self.lastError = lastError
    }
}

/// The records waiting for a retry, oldest (lowest sequence) first. Pure: no clock, no I/O.
///
/// Invariant: a record is in the queue at most once; it leaves it only by ``takeDue(now:maxRecords:maxBytes:)``.
public struct RetryQueue: Sendable {
    private var items: [PendingRecord] = []

    /// Creates an empty queue.
    public init() {}

    /// The number of waiting records.
    public var count: Int { items.count }
    /// Whether no record waits.
    public var isEmpty: Bool { items.isEmpty }
    /// The instant at which the first record becomes due.
    public var earliestDue: ContinuousClock.Instant? { items.map(\.notBefore).min() }

    /// Adds records to retry, keeping sequence order.
    public mutating func add(_ records: [PendingRecord]) {
        guard !records.isEmpty else { return }  // the usual case after a fully stored batch
        var inOrder = items.last.map { $0.logged.sequence < records[0].logged.sequence } ?? true
        for index in records.indices.dropFirst() where inOrder {
            inOrder = records[index - 1].logged.sequence < records[index].logged.sequence
        }
        items.append(contentsOf: records)
        if !inOrder { items.sort { $0.logged.sequence < $1.logged.sequence } }
    }

    /// Removes and returns the due records, oldest first, within the batch limits.
    public mutating func takeDue(now: ContinuousClock.Instant, maxRecords: Int, maxBytes: Int) -> [PendingRecord] {
        var taken: [PendingRecord] = []
        var kept: [PendingRecord] = []
        var bytes = 0
        for item in items {
            let size = item.logged.record.kinesisSize
            if item.notBefore <= now && taken.count < maxRecords && bytes + size <= maxBytes {
                taken.append(item)
                bytes += size
            } else {
                kept.append(item)
            }
        }
        items = kept
        return taken
    }

    /// Removes and returns every waiting record.
    public mutating func removeAll() -> [PendingRecord] {
        defer { items.removeAll() }
        return items
    }

    /// The sequences of every waiting record.
    public var sequences: [UInt64] { items.map(\.logged.sequence) }
}
