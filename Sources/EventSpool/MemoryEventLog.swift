// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// A bounded in-memory ``EventLog``: the spine's hand-off queue.
///
/// Nothing here survives a crash; the durable on-disk spool replaces it behind the same protocol.
/// Capacity is counted in ``ExportRecord/kinesisSize`` bytes and held until acknowledgement, so the
/// relay's memory stays bounded however slow the destination is.
public final class MemoryEventLog: EventLog {
    private struct State {
        var unread: [LoggedRecord] = []
        var unreadHead = 0
        var inFlight: [UInt64: Int] = [:]
        var pendingBytes = 0
        var nextSequence: UInt64 = 1
        var closed = false
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiterID: UInt64 = 0

        var unreadCount: Int { unread.count - unreadHead }

        mutating func resumeAllWaiters() {
            for (_, waiter) in waiters { waiter.resume() }
            waiters.removeAll()
        }
    }

    private let state = Mutex(State())
    /// The capacity in bytes.
    public let capacityBytes: Int

    /// Creates an empty log that holds at most `capacityBytes` bytes of unacknowledged records.
    public init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
    }

    public func append(_ records: [ExportRecord]) async throws(EventLogError) {
        let size = records.reduce(0) { $0 + $1.kinesisSize }
        let result: EventLogError? = state.withLock { state in
            if state.closed {
                return EventLogError(code: .closed, message: "the relay is shutting down")
            }
            if state.pendingBytes + size > capacityBytes && state.pendingBytes > 0 {
                return EventLogError(
                    code: .full,
                    message: "export queue is full (\(state.pendingBytes) of \(capacityBytes) bytes pending)")
            }
            for record in records {
                state.unread.append(LoggedRecord(sequence: state.nextSequence, record: record))
                state.nextSequence += 1
            }
            state.pendingBytes += size
            state.resumeAllWaiters()
            return nil
        }
        if let result { throw result }
    }

    public func waitForRecords(timeout: Duration?) async -> EventLogReadiness {
        await awaitReadiness(timeout: timeout, current: currentReadiness) { await self.waitForChange() }
    }

    private func currentReadiness() -> EventLogReadiness? {
        state.withLock { state in
            if state.unreadCount > 0 { return .ready }
            return state.closed ? .closed : nil
        }
    }

    public func readAvailable(maxRecords: Int, maxBytes: Int) async -> [LoggedRecord] {
        state.withLock { Self.take(&$0, maxRecords: maxRecords, maxBytes: maxBytes) }
    }

    private func waitForChange() async {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.unreadCount > 0 || state.closed || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }

    private static func take(_ state: inout State, maxRecords: Int, maxBytes: Int) -> [LoggedRecord] {
        var batch: [LoggedRecord] = []
        var bytes = 0
        while state.unreadHead < state.unread.count && batch.count < max(1, maxRecords) {
            let next = state.unread[state.unreadHead]
            let size = next.record.kinesisSize
            if !batch.isEmpty && bytes + size > maxBytes { break }
            batch.append(next)
            bytes += size
            state.inFlight[next.sequence] = size
            state.unreadHead += 1
        }
        // Records already read stay referenced (with their data) until they are removed from the array:
        // remove them once they are an eighth of it, so the log holds little more than what is pending.
        if state.unreadHead > 1024 && state.unreadHead * 8 > state.unread.count {
            state.unread.removeFirst(state.unreadHead)
            state.unreadHead = 0
        }
        return batch
    }

    public func acknowledge(_ sequences: [UInt64]) async {
        state.withLock { state in
            for sequence in sequences {
                if let size = state.inFlight.removeValue(forKey: sequence) {
                    state.pendingBytes -= size
                }
            }
        }
    }

    public func close() {
        state.withLock { state in
            state.closed = true
            state.resumeAllWaiters()
        }
    }

    public func statistics() async -> EventLogStatistics {
        state.withLock { state in
            EventLogStatistics(
                pendingRecords: state.unreadCount + state.inFlight.count,
                pendingBytes: state.pendingBytes,
                unreadRecords: state.unreadCount,
                capacityBytes: capacityBytes)
        }
    }
}
