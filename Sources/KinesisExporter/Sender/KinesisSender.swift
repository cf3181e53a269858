// SPDX-License-Identifier: Apache-2.0

import EventSpool
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// The long-lived service that moves records from an ``EventLog`` to Kinesis.
///
/// One PutRecords call is in flight at a time: records that arrive meanwhile wait in the log and ride
/// the next call, so an idle relay sends each event at once and a busy one sends full batches.
///
/// Invariants:
/// - A record is acknowledged in the log only when Kinesis answered with a sequence number for it, or
///   when it was written to the dead-letter file.
/// - After a partial failure only the refused records are sent again (never the whole batch), after
///   an exponential backoff with full jitter; fresh records keep flowing meanwhile.
/// - A whole-call failure is retried without limit, signed afresh each time: quickly for throttling and
///   transient faults, every ``KinesisSenderConfiguration/parkInterval`` for configuration or
///   credential errors, so the relay recovers by itself once an operator fixes them.
/// - On graceful shutdown the log is closed and sending continues until everything is sent or the
///   drain timeout passes.
public final class KinesisSender: Service {
    let configuration: KinesisSenderConfiguration
    let log: any EventLog
    let client: PutRecordsClient
    let deadLetters: any DeadLetterSink
    let logger: Logger
    let random: @Sendable () -> Double
    let metrics: ExporterMetrics
    private let drainDeadline = Mutex<ContinuousClock.Instant?>(nil)
    let drainSignal = DrainSignal()
    private let statusBox = Mutex(ExporterStatus())
    private let failureLog = Mutex(FailureLogState())
    private let shared = Mutex(SharedState())

    /// What the workers share: records waiting for a retry, and how many calls are in flight.
    private struct SharedState {
        var retries = RetryQueue()
        var inFlight = 0
        /// Set when a draining worker learns that the endpoint cannot take data before the deadline.
        var stopped = false
    }

    /// Creates a sender.
    /// - Parameter random: the jitter source, a value in 0…1 (injected so tests can pin it).
    public init(
        configuration: KinesisSenderConfiguration,
        log: any EventLog,
        client: PutRecordsClient,
        deadLetters: any DeadLetterSink,
        logger: Logger,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.configuration = configuration
        self.log = log
        self.client = client
        self.deadLetters = deadLetters
        var logger = logger
        logger[metadataKey: "goff.exporter"] = .string(configuration.name)
        self.logger = logger
        self.random = random
        self.metrics = ExporterMetrics(exporter: configuration.name)
    }

    /// A snapshot of what the sender has done.
    public var status: ExporterStatus { statusBox.withLock { $0 } }

    /// Runs until the log is closed and drained, the drain timeout passes, or the task is cancelled.
    public func run() async throws {
        await withGracefulShutdownHandler {
            await self.sendLoop()
        } onGracefulShutdown: {
            self.beginDrain()
        }
    }

    /// Starts draining: the log stops accepting records, and sending stops at the drain deadline.
    public func beginDrain() {
        drainDeadline.withLock { deadline in
            if deadline == nil { deadline = .now + configuration.drainTimeout }
        }
        log.close()
        drainSignal.fire()
    }

    var drainDeadlineValue: ContinuousClock.Instant? { drainDeadline.withLock { $0 } }

    var isPastDeadline: Bool {
        drainDeadline.withLock { deadline in deadline.map { ContinuousClock.now >= $0 } ?? false }
    }

    private func sendLoop() async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<configuration.maxConcurrentCalls {
                group.addTask { await self.workerLoop() }
            }
        }
        await reportLeftovers()
    }

    /// One of ``KinesisSenderConfiguration/maxConcurrentCalls`` loops, each with at most one call in
    /// flight. Retries are shared, so a record refused on one worker may be retried by another.
    ///
    /// A worker ends when the log is closed and read, no retry waits, and no other worker has a call in
    /// flight (whose refused records would otherwise be left without a worker).
    private func workerLoop() async {
        while !Task.isCancelled && !isPastDeadline {
            var batch =
                shared.withLock { shared -> [PendingRecord]? in
                    if shared.stopped { return nil }
                    let due = shared.retries.takeDue(
                        now: .now, maxRecords: configuration.maxBatchRecords, maxBytes: configuration.maxBatchBytes)
                    if !due.isEmpty { shared.inFlight += 1 }
                    return due
                } ?? []
            if shared.withLock({ $0.stopped }) { break }
            if batch.isEmpty {
                let earliest = shared.withLock { $0.retries.earliestDue }
                let readiness = await log.waitForRecords(timeout: waitTimeout(until: earliest))
                if readiness == .closed {
                    let idle = shared.withLock { $0.retries.isEmpty && $0.inFlight == 0 }
                    if idle { break }
                    await sleep(until: earliest ?? .now + .milliseconds(20))
                    continue
                }
                if readiness != .ready { continue }
                shared.withLock { $0.inFlight += 1 }
            }
            var retries = RetryQueue()
            let fresh = await freshRecords(room: batch, retries: &retries)
            if batch.isEmpty { batch = fresh } else { batch += fresh }  // usually empty: take the array as is
            let sendable = setAsideOversized(batch)
            let keepGoing = sendable.isEmpty ? true : await send(sendable, retries: &retries)
            shared.withLock { shared in
                shared.retries.add(retries.removeAll())
                shared.inFlight -= 1
                if !keepGoing { shared.stopped = true }
            }
            if !keepGoing { break }
        }
    }

    /// Reads fresh records into the room `batch` leaves; a record that does not fit waits as due now.
    private func freshRecords(room batch: [PendingRecord], retries: inout RetryQueue) async -> [PendingRecord] {
        let usedBytes = batch.reduce(0) { $0 + $1.logged.record.kinesisSize }
        let roomRecords = configuration.maxBatchRecords - batch.count
        let roomBytes = configuration.maxBatchBytes - usedBytes
        guard roomRecords > 0, roomBytes > 0 else { return [] }
        let fresh = await log.readAvailable(maxRecords: roomRecords, maxBytes: roomBytes).map {
            PendingRecord(logged: $0, attempts: 0, notBefore: .now, lastError: "")
        }
        if !batch.isEmpty, let first = fresh.first, first.logged.record.kinesisSize > roomBytes {
            retries.add(fresh)
            return []
        }
        return fresh
    }

    private func waitTimeout(until earliestRetry: ContinuousClock.Instant?) -> Duration? {
        var limit: ContinuousClock.Instant? = earliestRetry
        if let deadline = drainDeadline.withLock({ $0 }) {
            limit = limit.map { min($0, deadline) } ?? deadline
        }
        return limit.map { max($0 - .now, .zero) }
    }

    private func sleep(until instant: ContinuousClock.Instant?) async {
        var target = instant ?? (.now + .milliseconds(100))
        if let deadline = drainDeadline.withLock({ $0 }) { target = min(target, deadline) }
        try? await Task.sleep(until: target, clock: .continuous)
    }

    /// Dead-letters records that exceed the per-record limit and returns the others.
    private func setAsideOversized(_ batch: [PendingRecord]) -> [PendingRecord] {
        // The common case: nothing is oversized, and the batch goes out as it is (no per-record copies).
        guard batch.contains(where: { $0.logged.record.kinesisSize > configuration.maxRecordBytes }) else {
            return batch
        }
        var sendable: [PendingRecord] = []
        var finished: [UInt64] = []
        for item in batch {
            let size = item.logged.record.kinesisSize
            if size > configuration.maxRecordBytes {
                deadLetter(
                    item,
                    reason: "record of \(size) bytes (data + partition key) exceeds maxRecordBytes "
                        + "\(configuration.maxRecordBytes)")
                finished.append(item.logged.sequence)
            } else {
                sendable.append(item)
            }
        }
        if !finished.isEmpty { Task { [log] in await log.acknowledge(finished) } }
        return sendable
    }

    func deadLetter(_ item: PendingRecord, reason: String) {
        let stored = deadLetters.store(item.logged.record, reason: reason)
        metrics.deadLettered(1)
        statusBox.withLock { $0.deadLettered += 1 }
        logger.error(
            "record moved to the dead-letter file",
            metadata: [
                "goff.reason": .string(reason), "goff.flag_key": .string(item.logged.record.eventKey),
                "goff.dead_letter_stored": .stringConvertible(stored),
            ])
    }

    private func reportLeftovers() async {
        let stats = await log.statistics()
        let left = stats.unreadRecords + shared.withLock { $0.retries.count }
        if left > 0 {
            logger.error(
                "exporter stopped with records not delivered",
                metadata: ["goff.records_left": .stringConvertible(left)])
        } else {
            logger.info("exporter stopped; every accepted record was delivered")
        }
    }

    func updateStatus(_ change: (inout ExporterStatus) -> Void) {
        statusBox.withLock { change(&$0) }
    }

    func shouldLogFailure(code: String) -> Bool {
        failureLog.withLock { $0.shouldLog(code: code, now: .now) }
    }

    func resetFailureLog() -> Bool {
        failureLog.withLock { $0.reset() }
    }
}

/// Keeps repeated whole-call failures from flooding the log: a line when the error code changes,
/// then at most one every 30 seconds.
struct FailureLogState: Sendable {
    var lastCode: String?
    var lastLogged: ContinuousClock.Instant?

    mutating func shouldLog(code: String, now: ContinuousClock.Instant) -> Bool {
        if code != lastCode || lastLogged.map({ now - $0 >= .seconds(30) }) ?? true {
            lastCode = code
            lastLogged = now
            return true
        }
        return false
    }

    /// Forgets the failure streak; returns whether one was in progress.
    mutating func reset() -> Bool {
        defer {
            lastCode = nil
            lastLogged = nil
        }
        return lastCode != nil
    }
}
