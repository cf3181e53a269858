// SPDX-License-Identifier: Apache-2.0

import Logging
import Synchronization

/// A durable ``EventLog``: an append-only log of checksummed records in segment files of one directory, with
/// group commit, an acknowledged cursor, and a size cap.
///
/// Files in `directory` (one directory per exporter):
/// - `segment-<first sequence, 20 digits>.log`: frames (see `FrameCodec`), appended only. The last segment
///   is the active one; a segment is deleted once every record in it is finished.
/// - `cursor`: the finished set (lowest unfinished sequence plus the finished ranges above it), rewritten at
///   most every ``Configuration/cursorWriteInterval`` and at close: after a crash, records acknowledged since
///   the last rewrite are handed out again (duplicates, never loss).
/// - `lock`: held with `flock` while the spool is open.
///
/// Invariants:
/// - With ``Durability/fsync`` an append returns only after an `fdatasync` that covers its records;
///   concurrent appends share flushes (group commit on a dedicated thread, never on the Swift concurrency
///   pool). With ``Durability/write`` it returns after `pwrite`.
/// - An append is all or nothing: refused appends write nothing, a failed write is cut back off the file.
///   (A crash in the middle of an append can leave a prefix of it, which the client, having had no 2xx,
///   sends again: at least once, never lost.)
/// - Readers only see committed records: flushed ones with ``Durability/fsync``. So nothing can be
///   acknowledged (and so finished in the cursor) that a power loss could take back.
/// - A record is handed out at most once per process run; after a restart every unfinished record is
///   handed out again, in order, and no finished one is.
/// - Memory does not grow with the backlog: records are read back from the files (the page cache keeps
///   this cheap) into one bounded buffer; what is kept per record is only for records in flight. Only the
///   most recently appended unread records are also kept in memory, within
///   ``Configuration/tailCacheBytes``, so that a reader keeping up takes them without reading them back.
/// - Disk use stays within ``Configuration/maxSpoolBytes``, as ``Configuration/whenFull`` says.
public final class FileEventSpool: EventLog {
    /// The spool's directory.
    public let directory: String
    /// The configuration it was opened with.
    public let configuration: Configuration
    let core: SpoolCore
    private let lock: DirectoryLock
    /// Serializes readers and holds their reusable read buffer.
    let readBuffer = Mutex<[UInt8]>([])

    /// Opens (creating if needed) the spool in `directory`, recovering what a previous run left.
    ///
    /// Recovery reads every segment once to verify it, cuts torn or corrupt tails, and deletes finished
    /// segments; the first record is readable when this returns.
    /// - Throws: ``FileEventSpoolError`` `.locked` when another spool has the directory open, `.io` when it
    ///   cannot be created, read, or repaired, `.thread` when the syncer thread cannot start.
    public init(
        directory: String, configuration: Configuration = Configuration(), logger: Logger
    )
        throws(FileEventSpoolError)
    {
        var logger = logger
        logger[metadataKey: "goff.spool_dir"] = .string(directory)
        self.directory = directory
        self.configuration = configuration
        let state: SpoolState
        do {
            try FileIO.makeDirectories(directory)
            guard let lock = try DirectoryLock(directory: directory) else {
                throw FileEventSpoolError(
                    code: .locked, message: "the spool directory \(directory) is in use by another spool")
            }
            self.lock = lock
            state = try SpoolRecovery(directory: directory, configuration: configuration, logger: logger).recover()
        } catch let error as FileEventSpoolError {
            throw error
        } catch let error as SystemCallError {
            throw FileEventSpoolError(code: .io, message: "could not open the spool: \(error)")
        } catch {
            throw FileEventSpoolError(code: .io, message: "could not open the spool: \(error)")
        }
        let core = SpoolCore(state: state, logger: logger)
        self.core = core
        core.storeCursor()
        if configuration.durability == .fsync {
            core.state.withLock { $0.syncerRunning = true }
            guard SyncerThread.start({ core.runSyncer(directory: directory) }) else {
                throw FileEventSpoolError(code: .thread, message: "could not start the spool's syncer thread")
            }
        }
    }

    deinit {
        close()
        core.retireCursor()  // the directory lock is released next: no later store may touch the directory
    }

    /// Appends records and returns once they are durable as ``Configuration/durability`` says.
    ///
    /// Frames are encoded before taking the lock; under it they are numbered and written; the flush (for
    /// ``Durability/fsync``) is shared with every append written before it started.
    /// - Throws: ``EventLogError`` `.full` at the cap (``WhenFull/reject``) or when the disk is full,
    ///   `.closed` after ``close()``, `.ioFailure` when writing or flushing failed.
    public func append(_ records: [ExportRecord]) async throws(EventLogError) {
        guard !records.isEmpty else { return }
        var batch = try FrameCodec.encode(records)
        let outcome: EventLogError? = await withCheckedContinuation { continuation in
            let (result, effects) = core.state.withLock { state in
                var effects = SpoolEffects()
                let result = state.append(&batch, records: records, effects: &effects)
                if case .success(let last) = result, configuration.durability == .fsync {
                    state.syncWaiters.append(SyncWaiter(sequence: last, continuation: continuation))
                    return (Result<Bool, EventLogError>.success(false), effects)
                }
                return (result.map { _ in true }, effects)
            }
            core.perform(effects)
            switch result {
            case .success(true): continuation.resume(returning: nil)
            case .success(false): break  // the syncer resumes it
            case .failure(let error): continuation.resume(returning: error)
            }
        }
        if let outcome { throw outcome }
    }

    /// Finishes records (delivered or dead-lettered): they are never handed out again, even after a
    /// restart, and segments left with only finished records are deleted.
    ///
    /// Acknowledgements may come in any order; only records handed out by this instance and not yet
    /// acknowledged count. They take effect in memory at once. The cursor file (rewritten without fsync: see
    /// `CursorFile`) follows within ``Configuration/cursorWriteInterval``, or before this returns once the
    /// spool is closed. A crash before it is rewritten loses nothing: the records acknowledged since the
    /// last rewrite are handed out again after the restart (duplicates, never loss).
    public func acknowledge(_ sequences: [UInt64]) async {
        guard !sequences.isEmpty else { return }
        let effects = core.state.withLock { state in
            var effects = SpoolEffects()
            effects.storeCursorNow = state.closed
            state.acknowledge(sequences, effects: &effects)
            return effects
        }
        core.perform(effects)
    }

    /// Refuses further appends (``EventLogError`` `.closed`). Appends already written still complete their
    /// flush; then the syncer thread ends. Readers drain what is left and then see
    /// ``EventLogReadiness/closed``; acknowledgements keep being recorded, each one stored in the cursor
    /// file before ``acknowledge(_:)`` returns. The cursor file is brought up to date before this returns.
    public func close() {
        let effects = core.state.withLock { state in
            var effects = SpoolEffects()
            state.closed = true
            state.releaseReadWaitersIfReady(&effects)
            return effects
        }
        core.perform(effects)
        core.storeCursor()
        core.wake.signal()
    }
}
