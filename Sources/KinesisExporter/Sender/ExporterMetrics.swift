// SPDX-License-Identifier: Apache-2.0

import Metrics

/// The exporter's counters and timers, reported through swift-metrics (a `/metrics` endpoint picks
/// them up once a backend is bootstrapped; without one they cost nothing).
struct ExporterMetrics: Sendable {
    let exporter: String

    private var dimensions: [(String, String)] { [("exporter", exporter)] }

    func recordsSent(_ count: Int) {
        Counter(label: "goff_relay_exporter_records_sent_total", dimensions: dimensions).increment(by: count)
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
        Recorder(label: "goff_relay_exporter_batch_records", dimensions: dimensions).record(records)
        Recorder(label: "goff_relay_exporter_batch_bytes", dimensions: dimensions).record(bytes)
    }

    func ingestToAcknowledged(nanoseconds: UInt64) {
        Timer(label: "goff_relay_exporter_ingest_to_ack_seconds", dimensions: dimensions)
            .recordNanoseconds(Int64(clamping: nanoseconds))
    }

    func sendLatency(_ duration: Duration) {
        Timer(label: "goff_relay_exporter_send_duration_seconds", dimensions: dimensions).recordInterval(duration)
    }
}

extension Timer {
    fileprivate func recordInterval(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
