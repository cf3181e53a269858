// SPDX-License-Identifier: Apache-2.0

/// The per-record answer of a successful (HTTP 200) PutRecords call.
public struct PutRecordsResult: Sendable, Equatable {
    /// One entry per request record, in request order.
    public enum Entry: Sendable, Equatable {
        /// Kinesis stored the record.
        case stored(shardID: String, sequenceNumber: String)
        /// Kinesis refused this record only; it may be retried alone.
        case failed(code: String, message: String)
    }

    /// The entries, in the order of the request's records.
    public var entries: [Entry]

    /// Creates a result.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The number of failed entries.
    public var failedCount: Int {
        entries.reduce(0) {
            if case .failed = $1 { return $0 + 1 }
            return $0
        }
    }
}
