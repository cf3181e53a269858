// SPDX-License-Identifier: Apache-2.0

import Metrics

/// The exporter's counters and timers, reported through swift-metrics (a `/metrics` endpoint picks
/// them up once a backend is bootstrapped; without one they cost nothing).
///
/// The handles used on every call are created once: creating a metric looks it up in the backend's
/// registry, which showed in profiles when done per record.
struct ExporterMetrics: Sendable {
    let exporter: String
    private let sent: Counter
    private let ingestToAck: Timer
    private let sendDuration: Timer
    private let batchRecords: Recorder
    private let batchBytes: Recorder

    init(exporter: String) {
        self.exporter = exporter
        let dimensions = [("exporter", exporter)]
        sent = Counter(label: "goff_relay_exporter_records_sent_total", dimensions: dimensions)
        ingestToAck = Timer(label: "goff_relay_exporter_ingest_to_ack_seconds", dimensions: dimensions)
        sendDuration = Timer(label: "goff_relay_exporter_send_duration_seconds", dimensions: dimensions)
        batchRecords = Recorder(label: "goff_relay_exporter_batch_records", dimensions: dimensions)
        batchBytes = Recorder(label: "goff_relay_exporter_batch_bytes", dimensions: dimensions)
    }

    private var dimensions: [(String, String)] { [("exporter", exporter)] }

    func recordsSent(_ count: Int) {
        sent.increment(by: count)
    }

    func recordsFailed(_ count: Int, code: String) {
        Counter(label: "goff_relay_exporter_records_failed_total", dimensions: dimensions + [("code", code)])
            .increment(by: count)
    }

    func callsFailed(code: String) {
        Counter(label: "goff_relay_exporter_calls_failed_total", dimensions: dimensions + [("code", code)])
            .increment()
    }

    func retries(_ count: Int) {
        Counter(label: "goff_relay_exporter_retries_total", dimensions: dimensions).increment(by: count)
    }

    func deadLettered(_ count: Int) {
        Counter(label: "goff_relay_exporter_dead_lettered_total", dimensions: dimensions).increment(by: count)
    }

    func batch(records: Int, bytes: Int) {
        batchRecords.record(records)
        batchBytes.record(bytes)
    }

    func ingestToAcknowledged(nanoseconds: UInt64) {
        ingestToAck.recordNanoseconds(Int64(clamping: nanoseconds))
    }

    func sendLatency(_ duration: Duration) {
        sendDuration.recordInterval(duration)
    }
}

extension Timer {
    fileprivate func recordInterval(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
