// SPDX-License-Identifier: Apache-2.0

import Logging
import Synchronization

/// The state shared by a ``FileEventSpool`` and its syncer thread, and the work done outside the lock.
final class SpoolCore: Sendable {
    let state: Mutex<SpoolState>
    let wake = WakeSignal()
    let logger: Logger
    let cursorFile: CursorFile
    /// The cursor generation last stored; held while storing, so stores are ordered and never go back.
    let storedCursorGeneration = Mutex<UInt64>(0)
    /// When the cursor file is next rewritten (see ``noteCursorChanged(immediately:)``).
    let cursorSchedule = Mutex(CursorSchedule())
    /// The least time between two cursor rewrites.
    let cursorWriteInterval: Duration

    init(state: SpoolState, logger: Logger) {
        self.cursorFile = CursorFile(directory: state.directory)
        self.cursorWriteInterval = max(.zero, state.configuration.cursorWriteInterval)
        self.state = Mutex(state)
        self.logger = logger
    }

    /// Does what a locked section decided: logs, cursor store, deletions, then resumptions.
    func perform(_ effects: SpoolEffects) {
        for entry in effects.logs {
            let metadata = entry.metadata.mapValues { Logger.MetadataValue.string($0) }
            switch entry.level {
            case .warning: logger.warning("\(entry.message)", metadata: metadata)
            case .error: logger.error("\(entry.message)", metadata: metadata)
            }
        }
        // The cursor is stored before finished segments are deleted (either order is safe: a sequence
        // no segment holds any more counts as finished at start-up).
        if effects.cursorChanged { noteCursorChanged(immediately: effects.storeCursorNow) }
        for file in effects.filesToRemove {
            do {
                try file.unlink()
            } catch {
                logger.warning(
                    "could not delete a finished spool segment", metadata: ["goff.reason": "\(error)"])
            }
        }
        for (continuation, outcome) in effects.syncWaiters { continuation.resume(returning: outcome) }
        for continuation in effects.readWaiters { continuation.resume() }
        if effects.wakeSyncer { wake.signal() }
    }

    /// Writes the cursor file if it is older than the in-memory set. A failure is logged and retried on the
    /// next change: a stale cursor only causes re-sends after a restart.
    func storeCursor() {
        storedCursorGeneration.withLock { stored in
            let retired = cursorSchedule.withLock { schedule in
                schedule.lastStore = .now
                return schedule.retired
            }
            guard !retired else { return }
            let (generation, finished) = state.withLock { ($0.cursorGeneration, $0.acknowledged) }
            guard generation > stored else { return }
            do {
                try cursorFile.store(finished)
                stored = generation
            } catch {
                logger.warning(
                    "could not store the spool cursor", metadata: ["goff.reason": "\(error)"])
            }
        }
    }

    /// The syncer thread's body: flush rounds until the spool is closed and everything written is flushed.
    ///
    /// A round flushes every segment written since the previous round (and the directory after a segment
    /// was created), then resumes every appender whose records it covers. Appends that arrive during a
    /// flush wait for the next round: that is the group commit. There is no added delay, so an append
    /// waits at most for the flush in progress plus its own.
    func runSyncer(directory: String) {
        while true {
            wake.wait()
            while let job = state.withLock({ $0.takeSyncJob() }) {
                var failure: SystemCallError?
                storeCursorIfDue()
                for (file, _) in job.files {
                    do { try FileIO.syncData(file.descriptor, path: file.path) } catch { failure = failure ?? error }
                }
                if job.directory {
                    do { try FileIO.syncDirectory(directory) } catch { failure = failure ?? error }
                }
                let effects = state.withLock { state in
                    var effects = SpoolEffects()
                    state.completeSync(job, error: failure, effects: &effects)
                    return effects
                }
                perform(effects)
            }
            let stopped = state.withLock { state -> [CheckedContinuation<Void, Never>]? in
                guard state.closed, !state.needsSync else { return nil }
                state.syncerRunning = false
                defer { state.syncerStopWaiters.removeAll() }
                return state.syncerStopWaiters
            }
            if let stopped {
                for waiter in stopped { waiter.resume() }
                return
            }
        }
    }
}
