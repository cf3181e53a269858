// SPDX-License-Identifier: Apache-2.0

/// One segment's bookkeeping.
struct SegmentState: Sendable {
    /// The open file.
    let file: SegmentFile
    /// Valid bytes written (the next frame goes here when the segment is active).
    var bytes: Int
    /// Bytes readers may see: flushed (``FileEventSpool/Durability/fsync``) or written (`.write`).
    var committedBytes: Int
    /// The last record's sequence; `nil` while empty.
    var lastSequence: UInt64?
    /// Records not yet handed to a reader and not finished.
    var unreadRecords: Int
    /// Their summed ``ExportRecord/kinesisSize``.
    var unreadBytes: Int

    /// The first sequence (and name) of the segment.
    var first: UInt64 { file.firstSequence }
}

/// Where the next read starts.
struct ReaderPosition: Sendable, Equatable {
    /// The first sequence of the segment being read.
    var segment: UInt64
    /// The byte offset of the next frame in it.
    var offset: Int
    /// The sequence that frame must carry.
    var sequence: UInt64
}

/// A record handed to a reader and not yet acknowledged.
struct InFlightRecord: Sendable {
    /// Its ``ExportRecord/kinesisSize``.
    var size: Int
    /// Its accepted-at stamp.
    var acceptedAtNanos: UInt64
}

/// An appender waiting for the flush that covers its last record.
struct SyncWaiter: Sendable {
    /// The appender's last sequence.
    var sequence: UInt64
    /// Resumed with `nil` once durable, or with the flush error.
    var continuation: CheckedContinuation<EventLogError?, Never>
}

/// Everything a ``FileEventSpool`` knows, guarded by one mutex. No method here blocks on the disk except
/// the rare segment creation and appends' `pwrite` into the page cache; flushes happen on the syncer thread.
///
/// Invariants:
/// - `segments` are sorted by first sequence, never empty; the last one is the active segment, the only
///   one written to. A segment's records are consecutive from its first sequence.
/// - Every sequence in `[acknowledged.cursor, nextSequence)` is either an existing, unfinished record (unread
///   or in flight) or inside `acknowledged` (delivered, dropped, or lost): the cursor can always advance.
/// - `unreadRecords` is the sum of the segments' counts, and counts exactly the unfinished records at or
///   after the reader; `inFlight` holds exactly the records handed out and not yet acknowledged.
/// - Readers see nothing beyond a segment's `committedBytes`, nor any sequence above `committedSequence`.
/// - `bytesOnDisk` is the sum of the segments' `bytes`.
/// - Every `tailCache` entry holds exactly the record whose frame is at its place in an existing segment.
struct SpoolState: Sendable {
    let directory: String
    let configuration: FileEventSpool.Configuration
    var segments: [SegmentState]
    var acknowledged: AcknowledgedSet
    var nextSequence: UInt64
    var committedSequence: UInt64
    var reader: ReaderPosition
    /// Bumped whenever something other than a read moves the reader, so an in-progress read starts over.
    var readerEpoch: UInt64 = 0
    var inFlight: [UInt64: InFlightRecord] = [:]
    var inFlightBytes = 0
    var unreadRecords: Int
    var unreadBytes: Int
    var bytesOnDisk: Int
    var closed = false
    var failure: EventLogError?
    var droppedRecords = 0
    var droppedBytes = 0
    var lostRecords: Int
    /// Bumped on every change of `acknowledged`, so the cursor file is rewritten only when stale.
    var cursorGeneration: UInt64 = 1
    /// Records appended by this process and not yet read (see ``FileEventSpool/Configuration/tailCacheBytes``).
    var tailCache = TailCache(capacity: 0)
    /// Records handed out from `tailCache` since opening (for tests and benchmarks).
    var tailCacheHandedOut = 0

    var dirty: [UInt64: SegmentFile] = [:]
    var directoryDirty = false
    var syncWaiters: [SyncWaiter] = []
    var syncCount = 0
    var syncerRunning = false
    var syncerStopWaiters: [CheckedContinuation<Void, Never>] = []

    var readWaiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    var nextWaiterID: UInt64 = 0

    var active: SegmentState {
        get { segments[segments.count - 1] }
        set { segments[segments.count - 1] = newValue }
    }

    var pendingRecords: Int { unreadRecords + inFlight.count }

    /// Whether a read may find a record now (it may, rarely, find only finished ones and skip them).
    var hasReadableRecords: Bool { unreadRecords > 0 && reader.sequence <= committedSequence }

    func index(ofSegment first: UInt64) -> Int? {
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].first < first { low = middle + 1 } else { high = middle }
        }
        return low < segments.count && segments[low].first == first ? low : nil
    }

    /// Starts a new active segment at `nextSequence`; the current one must not be empty.
    mutating func rollOver() throws(SystemCallError) {
        let file = try SegmentFile.create(directory: directory, firstSequence: nextSequence)
        segments.append(
            SegmentState(
                file: file, bytes: 0, committedBytes: 0, lastSequence: nil, unreadRecords: 0, unreadBytes: 0))
        if configuration.durability == .fsync { directoryDirty = true }
    }

    /// Forgets a segment that is not the active one and schedules its file for deletion.
    mutating func removeSegment(at index: Int, effects: inout SpoolEffects) {
        let removed = segments.remove(at: index)
        bytesOnDisk -= removed.bytes
        unreadRecords -= removed.unreadRecords
        unreadBytes -= removed.unreadBytes
        // It stays in `dirty` if it is there: flushing a deleted file is harmless, and its appenders are
        // resumed by the round that covers their sequences like any other.
        if reader.segment == removed.first {
            let next = segments[index]
            reader = ReaderPosition(segment: next.first, offset: 0, sequence: next.first)
            readerEpoch += 1
        }
        if let last = removed.lastSequence { tailCache.removeAll(before: last + 1) }
        effects.filesToRemove.append(removed.file)
    }

    /// Marks `range` finished and notes that the cursor file is stale.
    mutating func finish(_ range: ClosedRange<UInt64>, effects: inout SpoolEffects) {
        acknowledged.insert(range)
        cursorGeneration += 1
        effects.cursorChanged = true
    }

    /// Hands readers waiting for records to `effects` when there is something to read (or nothing more).
    mutating func releaseReadWaitersIfReady(_ effects: inout SpoolEffects) {
        guard hasReadableRecords || (closed && unreadRecords == 0) else { return }
        effects.readWaiters += readWaiters.values
        readWaiters.removeAll()
    }
}

/// Work decided under the lock and done after releasing it.
struct SpoolEffects: Sendable {
    var readWaiters: [CheckedContinuation<Void, Never>] = []
    var syncWaiters: [(CheckedContinuation<EventLogError?, Never>, EventLogError?)] = []
    var filesToRemove: [SegmentFile] = []
    var cursorChanged = false
    /// Store the cursor without waiting for ``FileEventSpool/Configuration/cursorWriteInterval``.
    var storeCursorNow = false
    var wakeSyncer = false
    var logs: [SpoolLogEntry] = []
}

/// A log line decided under the lock.
struct SpoolLogEntry: Sendable {
    enum Level: Sendable { case warning, error }
    var level: Level
    var message: String
    var metadata: [String: String]
}
