// SPDX-License-Identifier: Apache-2.0

import EventSpool
import Events
import KinesisExporter
import Metrics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Encodes accepted events once (GOFF's exact JSON) and appends them to the log of every exporter
/// that takes their kind. Events of a kind no exporter takes are dropped, as GOFF does.
public struct EventDispatcher: Sendable {
    /// The exporters.
    public let targets: [ExportTarget]
    /// The monotonic clock reading, in nanoseconds, stamped on records (for ingest-to-ack latency).
    let nanosecondsNow: @Sendable () -> UInt64

    /// Creates a dispatcher.
    public init(targets: [ExportTarget], nanosecondsNow: @escaping @Sendable () -> UInt64 = Self.monotonicNanoseconds) {
        self.targets = targets
        self.nanosecondsNow = nanosecondsNow
    }

    /// Appends `events` to every matching exporter log.
    /// - Throws: ``EventLogError`` when a log is full or closed; nothing was appended to that log.
    public func dispatch(_ events: [ExportEvent]) async throws(EventLogError) {
        guard !events.isEmpty else { return }
        let now = nanosecondsNow()
        var features: [(bytes: [UInt8], event: ExportEvent)] = []
        var trackings: [(bytes: [UInt8], event: ExportEvent)] = []
        for event in events {
            switch event {
            case .feature: features.append((event.jsonBytes(), event))
            case .tracking: trackings.append((event.jsonBytes(), event))
            }
        }
        for target in targets {
            let chosen = target.eventKind == .feature ? features : trackings
            guard !chosen.isEmpty else { continue }
            let records = chosen.map {
                ExportRecord(
                    data: $0.bytes,
                    partitionKey: target.partitionKey.key(userKey: $0.event.userKey, flagKey: $0.event.key),
                    eventKey: $0.event.key, acceptedAtNanos: now)
            }
            do {
                try await target.log.append(records)
            } catch {
                Counter(label: "goff_relay_exporter_events_refused_total", dimensions: [("exporter", target.name)])
                    .increment(by: records.count)
                throw error
            }
            Counter(label: "goff_relay_exporter_events_received_total", dimensions: [("exporter", target.name)])
                .increment(by: records.count)
        }
    }

    /// Nanoseconds of the monotonic clock since an arbitrary origin (boot).
    @Sendable public static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
