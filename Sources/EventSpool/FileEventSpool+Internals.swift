// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// Internal counters, for tests and benchmarks.
extension FileEventSpool {
    /// What the spool keeps in memory besides its fixed-size fields. None of it grows with the backlog:
    /// in-flight entries grow with what the reader holds unacknowledged, ranges with the holes its
    /// out-of-order acknowledgements leave.
    struct MemoryFootprint: Sendable, Equatable {
        /// The reader's buffer (the only place record bytes are kept).
        var readBufferBytes: Int
        /// Records handed out and not yet acknowledged.
        var inFlightRecords: Int
        /// Finished ranges above the cursor.
        var finishedRanges: Int
        /// Open segments.
        var segments: Int

        /// A byte estimate of all of it.
        var estimatedBytes: Int { readBufferBytes + inFlightRecords * 48 + finishedRanges * 16 + segments * 128 }
    }

    /// The spool's current memory footprint.
    var memoryFootprint: MemoryFootprint {
        let buffer = readBuffer.withLock { $0.count }
        return core.state.withLock { state in
            MemoryFootprint(
                readBufferBytes: buffer, inFlightRecords: state.inFlight.count,
                finishedRanges: state.acknowledged.ranges.count, segments: state.segments.count)
        }
    }

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
