// SPDX-License-Identifier: Apache-2.0

/// One event waiting for export: the exact bytes the destination stores, and how to route them.
///
/// `data` is the record payload as it will be sent (for Kinesis: the GOFF event JSON, no trailing
/// newline). It is never re-encoded after the collector accepted it.
public struct ExportRecord: Sendable, Equatable {
    /// The record payload, byte for byte.
    public var data: [UInt8]
    /// The Kinesis partition key chosen for this record.
    public var partitionKey: String
    /// The flag key (feature events) or tracking event name, kept for logs and dead letters.
    public var eventKey: String
    /// When the relay accepted the event, in nanoseconds of the monotonic clock (ingest-to-ack latency).
    public var acceptedAtNanos: UInt64

    /// Creates a record.
    public init(data: [UInt8], partitionKey: String, eventKey: String, acceptedAtNanos: UInt64 = 0) {
        self.data = data
        self.partitionKey = partitionKey
        self.eventKey = eventKey
        self.acceptedAtNanos = acceptedAtNanos
    }

    /// The size Kinesis counts against its limits: data bytes plus the UTF-8 bytes of the partition key.
    public var kinesisSize: Int { data.count + partitionKey.utf8.count }
}

/// A record together with its position in an ``EventLog``.
public struct LoggedRecord: Sendable, Equatable {
    /// Position in the log; strictly increasing in append order.
    public var sequence: UInt64
    /// The record itself.
    public var record: ExportRecord

    /// Creates a logged record.
    public init(sequence: UInt64, record: ExportRecord) {
        self.sequence = sequence
        self.record = record
    }
}
