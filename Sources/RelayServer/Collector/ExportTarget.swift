// SPDX-License-Identifier: Apache-2.0

import EventSpool
import KinesisExporter

/// One exporter as the HTTP side sees it: which events it takes, where they go, how they are keyed.
public struct ExportTarget: Sendable {
    /// Which kind of event an exporter receives (GOFF's `eventType`).
    public enum EventKind: Sendable, Equatable {
        /// Feature (evaluation) events.
        case feature
        /// Tracking events.
        case tracking
    }

    /// A name for logs, e.g. `exporters[0]`.
    public var name: String
    /// The events this exporter receives.
    public var eventKind: EventKind
    /// The hand-off log its sender reads.
    public var log: any EventLog
    /// How each record's partition key is chosen.
    public var partitionKey: PartitionKeyStrategy

    /// Creates a target.
    public init(name: String, eventKind: EventKind, log: any EventLog, partitionKey: PartitionKeyStrategy) {
        self.name = name
        self.eventKind = eventKind
        self.log = log
        self.partitionKey = partitionKey
    }
}
