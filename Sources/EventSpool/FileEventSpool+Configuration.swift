// SPDX-License-Identifier: Apache-2.0

extension FileEventSpool {
    /// When ``FileEventSpool/append(_:)`` returns, and so what an HTTP 2xx promises.
    public enum Durability: String, Sendable, Hashable, CaseIterable {
        /// `fdatasync` (group commit) before `append` returns. Survives a process crash and a power loss or
        /// kernel panic. Costs one disk flush per group of concurrent appends.
        case fsync
        /// `write(2)` before `append` returns; the kernel flushes later. Survives a process crash (`kill -9`,
        /// out-of-memory kill), but a power loss or kernel panic can lose the last seconds of accepted events.
        case write
    }

    /// What an append does when the spool is at ``Configuration/maxSpoolBytes``.
    public enum WhenFull: String, Sendable, Hashable, CaseIterable {
        /// Refuse the append (``EventLogError`` `.full`, which the collector answers with 503 and
        /// `Retry-After`). Nothing already accepted is lost.
        case reject
        /// Delete the oldest segment (the oldest unacknowledged records) to make room, counting the unread
        /// records it held in ``Statistics/droppedRecords`` and logging a warning with the count.
        /// Space is freed a segment at a time, because that is the unit a disk gives back.
        case dropOldest
    }

    /// How a ``FileEventSpool`` stores and bounds its records.
    public struct Configuration: Sendable, Hashable {
        /// When `append` returns. Default ``Durability/fsync``.
        public var durability: Durability
        /// The most bytes the segment files may take on disk (frame overhead and acknowledged records that
        /// share a segment with unacknowledged ones included). Default 1 GiB.
        ///
        /// One append larger than the whole cap is accepted only when nothing else is pending, so that it
        /// cannot be refused forever; the cap is then exceeded by that append alone.
        public var maxSpoolBytes: Int
        /// What happens at the cap. Default ``WhenFull/reject``.
        public var whenFull: WhenFull
        /// The size at which the active segment is closed and a new one started. Default 64 MiB; never more
        /// than a quarter of ``maxSpoolBytes`` (nor less than 4 KiB), so that the cap is kept to within one
        /// segment and dropping the oldest segment frees a bounded share of it.
        public var segmentBytes: Int
        /// The least time between two rewrites of the cursor file. Default 20 ms; `.zero` rewrites it on
        /// every acknowledgement.
        ///
        /// Acknowledgements are recorded in memory at once; the file follows within this interval (and at
        /// ``FileEventSpool/close()``). A crash in between loses no record: the acknowledgements not yet in the
        /// file only make those records be handed out again after the restart (duplicates, never loss).
        public var cursorWriteInterval: Duration
        /// The most frame bytes of recently appended, not yet read records kept in memory, so that a reader
        /// close behind the appenders takes them from there instead of reading them back from the segment
        /// files. Default 8 MiB; `0` disables it (every record is read back from disk).
        ///
        /// The records are the ones `append` was given (shared, not copied). An append is kept only when every
        /// frame from the reader's position to its end fits within this size, so a reader further behind (a
        /// backlog) reads from disk and nothing is cached in vain; records leave the cache once read. The
        /// reader gets exactly the batches it would have read from the files, committed (and so flushed with
        /// ``Durability/fsync``) the same way; only the checksum check of a record it takes from memory is
        /// skipped, as its frame is not read back.
        public var tailCacheBytes: Int

        /// Creates a configuration.
        public init(
            durability: Durability = .fsync,
            maxSpoolBytes: Int = 1 << 30,
            whenFull: WhenFull = .reject,
            segmentBytes: Int = 64 << 20,
            cursorWriteInterval: Duration = .milliseconds(20),
            tailCacheBytes: Int = 8 << 20
        ) {
            self.durability = durability
            self.maxSpoolBytes = maxSpoolBytes
            self.whenFull = whenFull
            self.segmentBytes = segmentBytes
            self.cursorWriteInterval = cursorWriteInterval
            self.tailCacheBytes = tailCacheBytes
        }

        /// ``segmentBytes`` as actually used.
        var effectiveSegmentBytes: Int {
            max(4096, min(segmentBytes, maxSpoolBytes / 4))
        }
    }
}
