// SPDX-License-Identifier: Apache-2.0

/// The outcome of parsing one `POST /v1/data/collector` body.
public struct CollectorBatch: Sendable, Equatable {
    /// The accepted events, in request order.
    public var events: [ExportEvent]
    /// The number of entries in the request's `events` array, skipped ones included: GOFF answers
    /// `{"ingestedContentCount": receivedCount}` and counts this in its metric.
    public var receivedCount: Int
    /// The entries GOFF would drop (it logs "impossible to convert the event to a ... event").
    public var skipped: [SkippedEvent]

    /// Creates a batch.
    public init(events: [ExportEvent], receivedCount: Int, skipped: [SkippedEvent]) {
        self.events = events
        self.receivedCount = receivedCount
        self.skipped = skipped
    }

    /// GOFF's `ingestedContentCount` (same as ``receivedCount``).
    public var ingestedContentCount: Int { receivedCount }
}

/// One entry of the request's `events` array that could not be converted into an event.
public struct SkippedEvent: Sendable, Equatable {
    /// Position in the request's `events` array.
    public var index: Int
    /// Why, worded as GOFF's log line would (mapstructure or `encoding/json` error text).
    public var reason: String

    /// Creates a skipped-event record.
    public init(index: Int, reason: String) {
        self.index = index
        self.reason = reason
    }
}
