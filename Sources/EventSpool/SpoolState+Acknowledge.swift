// SPDX-License-Identifier: Apache-2.0

extension SpoolState {
    /// Finishes in-flight records and deletes the segments that became entirely finished.
    ///
    /// Sequences that are not in flight (unknown, already acknowledged, or from before a restart) are
    /// ignored, so a late or repeated acknowledgement can never finish a record nobody delivered.
    mutating func acknowledge(_ sequences: [UInt64], effects: inout SpoolEffects) {
        var changed = false
        for sequence in sequences {
            guard let record = inFlight.removeValue(forKey: sequence) else { continue }
            inFlightBytes -= record.size
            acknowledged.insert(sequence)
            changed = true
        }
        guard changed else { return }
        if inFlight.isEmpty && inFlight.capacity > 4096 { inFlight = [:] }  // give a burst's memory back
        cursorGeneration += 1
        effects.cursorChanged = true
        removeFinishedSegments(effects: &effects)
    }

    /// Deletes every segment but the active one whose records are all finished.
    mutating func removeFinishedSegments(effects: inout SpoolEffects) {
        var index = 0
        while index < segments.count - 1 {
            let segment = segments[index]
            if segment.lastSequence.map({ acknowledged.contains(segment.first...$0) }) ?? true {
                removeSegment(at: index, effects: &effects)
            } else {
                index += 1
            }
        }
    }
}

/// What the syncer flushes in one round.
struct SyncJob: Sendable {
    /// Every sequence up to this one is covered once the round completes.
    var target: UInt64
    /// The segments written since the previous round, with their size when the round started.
    var files: [(file: SegmentFile, bytes: Int)]
    /// Whether a segment was created since the previous round (the directory needs a flush too).
    var directory: Bool
}

extension SpoolState {
    /// Whether a flush round is due: something was written or created since the last one, or an appender
    /// still waits (which the first two imply; checked anyway so that no appender can wait forever).
    var needsSync: Bool {
        !dirty.isEmpty || directoryDirty || syncWaiters.contains { $0.sequence > committedSequence }
    }

    /// Takes everything written since the last round, or `nil` when nothing was.
    mutating func takeSyncJob() -> SyncJob? {
        guard needsSync else { return nil }
        if dirty.isEmpty { dirty[active.first] = active.file }  // only for the belt-and-braces case above
        let files = dirty.values.map { file in
            (file: file, bytes: index(ofSegment: file.firstSequence).map { segments[$0].bytes } ?? 0)
        }
        let job = SyncJob(target: nextSequence - 1, files: files, directory: directoryDirty)
        dirty.removeAll()
        directoryDirty = false
        return job
    }

    /// Publishes a finished round: readers may see what it covered, and its appenders are resumed, with the
    /// error if it failed (the data is still handed to readers: a record that reaches the destination twice
    /// is better than one that is lost).
    mutating func completeSync(_ job: SyncJob, error: SystemCallError?, effects: inout SpoolEffects) {
        syncCount += 1
        for (file, bytes) in job.files {
            guard let index = index(ofSegment: file.firstSequence) else { continue }
            segments[index].committedBytes = max(segments[index].committedBytes, min(bytes, segments[index].bytes))
        }
        committedSequence = max(committedSequence, job.target)
        var outcome: EventLogError?
        if let error { outcome = ioFailure("flushing the spool failed", error, effects: &effects) }
        var waiting: [SyncWaiter] = []
        for waiter in syncWaiters {
            if waiter.sequence <= job.target {
                effects.syncWaiters.append((waiter.continuation, outcome))
            } else {
                waiting.append(waiter)
            }
        }
        syncWaiters = waiting
        releaseReadWaitersIfReady(&effects)
    }
}
