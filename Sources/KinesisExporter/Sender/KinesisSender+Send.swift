// SPDX-License-Identifier: Apache-2.0

import EventSpool
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Nanoseconds of the monotonic clock (the clock the collector stamps records with).
func monotonicNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

extension KinesisSender {
    /// Sends one batch until Kinesis answered for every record, the drain deadline passes, or the task
    /// is cancelled. Refused records and unsent batches end up in `retries`.
    /// - Returns: false when the sender must stop (draining, and the endpoint cannot take the data).
    @discardableResult
    func send(_ batch: [PendingRecord], retries: inout RetryQueue) async -> Bool {
        var callFailures = 0
        while true {
            let started = ContinuousClock.now
            let result = await client.putRecords(batch.map(\.logged.record))
            metrics.sendLatency(.now - started)
            switch result {
            case .success(let answer):
                await handle(answer, for: batch, retries: &retries)
                return true
            case .failure(let error):
                callFailures += 1
                let errorClass = error.errorClass
                noteCallFailure(error, errorClass: errorClass, records: batch.count)
                if errorClass == .invalidRequest {
                    await splitOrDeadLetter(batch, error: error, retries: &retries)
                    return true
                }
                // While draining, an answer that needs an operator cannot improve before the deadline.
                if !errorClass.retriesFast && drainSignal.fired {
                    retries.add(batch)
                    return false
                }
                // A skew answer already corrected the clock: the first retry goes at once, re-signed.
                let delay: Duration =
                    errorClass == .clockSkew && callFailures == 1
                    ? .zero
                    : errorClass.retriesFast
                        ? configuration.backoff.delay(attempt: callFailures, unit: random())
                        : configuration.parkInterval
                if !(await pause(delay, wakeOnDrain: !errorClass.retriesFast)) {
                    retries.add(batch)
                    return false
                }
            }
        }
    }

    /// Acknowledges what Kinesis stored and queues only the refused records for a retry.
    private func handle(_ answer: PutRecordsResult, for batch: [PendingRecord], retries: inout RetryQueue) async {
        var stored: [UInt64] = []
        stored.reserveCapacity(batch.count)
        var failed: [PendingRecord] = []
        var codes: [String: Int] = [:]
        let now = ContinuousClock.now
        let nowNanos = monotonicNanoseconds()
        // By index: reading the fields in place copies no record (no retain/release of its buffers).
        for index in 0..<min(batch.count, answer.entries.count) {
            switch answer.entries[index] {
            case .stored:
                stored.append(batch[index].logged.sequence)
                let accepted = batch[index].logged.record.acceptedAtNanos
                // A record accepted before a reboot carries another boot's clock: skip implausible ages.
                if accepted > 0, nowNanos > accepted, nowNanos - accepted < 86_400_000_000_000 {
                    metrics.ingestToAcknowledged(nanoseconds: nowNanos - accepted)
                }
            case .failed(let code, _):
                let item = batch[index]
                codes[code, default: 0] += 1
                let attempts = item.attempts + 1
                let errorClass = KinesisErrorClass.classify(code: code, status: 200, message: "")
                let delay =
                    errorClass == .configuration
                    ? configuration.parkInterval
                    : configuration.backoff.delay(attempt: attempts, unit: random())
                failed.append(
                    PendingRecord(logged: item.logged, attempts: attempts, notBefore: now + delay, lastError: code))
            }
        }
        await log.acknowledge(stored)
        retries.add(failed)
        metrics.recordsSent(stored.count)
        metrics.batch(records: batch.count, bytes: batch.reduce(0) { $0 + $1.logged.record.kinesisSize })
        for (code, count) in codes { metrics.recordsFailed(count, code: code) }
        if !failed.isEmpty { metrics.retries(failed.count) }
        updateStatus {
            $0.recordsSent += stored.count
            $0.recordFailures += failed.count
            $0.lastSuccess = Date()
            $0.lastError = nil
        }
        if resetFailureLog() {
            logger.info("Kinesis accepts calls again", metadata: ["goff.records": .stringConvertible(batch.count)])
        }
        if !failed.isEmpty {
            let summary = codes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            logger.warning(
                "PutRecords: some records were refused; retrying only those",
                metadata: [
                    "goff.records": .stringConvertible(batch.count),
                    "goff.failed": .stringConvertible(failed.count),
                    "goff.error_codes": .string(summary),
                ])
        } else {
            logger.debug("PutRecords stored every record", metadata: ["goff.records": .stringConvertible(batch.count)])
        }
    }

    /// An invalid-request answer: halve the batch until the offending record is alone, then dead-letter it.
    private func splitOrDeadLetter(
        _ batch: [PendingRecord], error: KinesisServiceError, retries: inout RetryQueue
    ) async {
        if batch.count == 1, let only = batch.first {
            deadLetter(only, reason: "Kinesis refused the record: \(error)")
            await log.acknowledge([only.logged.sequence])
            return
        }
        let middle = batch.count / 2
        await send(Array(batch[..<middle]), retries: &retries)
        await send(Array(batch[middle...]), retries: &retries)
    }

    private func noteCallFailure(_ error: KinesisServiceError, errorClass: KinesisErrorClass, records: Int) {
        metrics.callsFailed(code: error.code)
        updateStatus {
            $0.callFailures += 1
            $0.lastError = error.description
        }
        guard shouldLogFailure(code: error.code) else { return }
        let action =
            switch errorClass {
            case .throttle, .transient, .clockSkew: "retrying with backoff"
            case .credentials: "check the AWS credentials; retrying every \(configuration.parkInterval)"
            case .configuration:
                "check the stream, region and permissions; retrying every \(configuration.parkInterval)"
            case .invalidRequest: "splitting the batch to isolate the invalid record"
            }
        logger.error(
            "PutRecords failed (\(error.code)): \(error.message) — \(action); \(records) records kept",
            metadata: [
                "goff.error_code": .string(error.code), "goff.error_class": .string(errorClass.rawValue),
                "goff.http_status": .stringConvertible(error.status),
            ])
    }

    /// Sleeps for `delay`, or until the drain deadline; a slow pause also ends when draining starts.
    /// Returns false when sending must stop.
    private func pause(_ delay: Duration, wakeOnDrain: Bool) async -> Bool {
        if let deadline = drainDeadlineValue, ContinuousClock.now + delay >= deadline {
            try? await Task.sleep(until: deadline, clock: .continuous)
            return false
        }
        let signal = drainSignal
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: delay) }
            if wakeOnDrain {
                group.addTask { await signal.wait() }
            }
            await group.next()
            group.cancelAll()
        }
        if wakeOnDrain && signal.fired { return false }
        return !Task.isCancelled && !isPastDeadline
    }
}
