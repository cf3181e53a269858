// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// Internal counters, for tests and benchmarks.
extension FileEventSpool {
    /// What the spool keeps in memory besides its fixed-size fields. None of it grows with the backlog:
    /// in-flight entries grow with what the reader holds unacknowledged, ranges with the holes its
    /// out-of-order acknowledgements leave, the tail cache stays within its capacity.
    struct MemoryFootprint: Sendable, Equatable {
        /// The reader's buffer.
        var readBufferBytes: Int
        /// The frame bytes of the records held in the tail cache.
        var tailCacheBytes: Int = 0
        /// The records held in the tail cache.
        var tailCacheRecords: Int = 0
        /// Records handed out and not yet acknowledged.
        var inFlightRecords: Int
        /// Finished ranges above the cursor.
        var finishedRanges: Int
        /// Open segments.
        var segments: Int

        /// A byte estimate of all of it.
        var estimatedBytes: Int {
            readBufferBytes + tailCacheBytes + tailCacheRecords * 96 + inFlightRecords * 48 + finishedRanges * 16
                + segments * 128
        }
    }

    /// The spool's current memory footprint.
    var memoryFootprint: MemoryFootprint {
        let buffer = readBuffer.withLock { $0.count }
        return core.state.withLock { state in
            MemoryFootprint(
                readBufferBytes: buffer, tailCacheBytes: state.tailCache.bytes,
                tailCacheRecords: state.tailCache.count, inFlightRecords: state.inFlight.count,
                finishedRanges: state.acknowledged.ranges.count, segments: state.segments.count)
        }
    }

    /// Records handed out from the tail cache (not read back from disk) since opening.
    var tailCacheHandedOut: Int { core.state.withLock { $0.tailCacheHandedOut } }

    /// Flush rounds completed since opening.
    var syncCount: Int { core.state.withLock { $0.syncCount } }

    /// Whether the syncer thread is running.
    var isSyncerRunning: Bool { core.state.withLock { $0.syncerRunning } }

    /// Returns once the syncer thread has ended (at once if none runs).
    func waitUntilSyncerStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let running = core.state.withLock { state in
                if state.syncerRunning { state.syncerStopWaiters.append(continuation) }
                return state.syncerRunning
            }
            if !running { continuation.resume() }
        }
    }
}
