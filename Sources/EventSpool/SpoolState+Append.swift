// SPDX-License-Identifier: Apache-2.0

extension SpoolState {
    /// The last sequence appended, or why nothing was.
    typealias AppendResult = Result<UInt64, EventLogError>

    /// Appends an encoded batch: makes room, numbers the frames, writes them into the active segment, and
    /// keeps `records` (the ones `batch` encodes) in the tail cache.
    ///
    /// Either every frame is written or none is (a failed write is cut back off the file).
    /// - Returns: the last sequence appended.
    mutating func append(
        _ batch: inout FrameCodec.EncodedBatch, records: [ExportRecord], effects: inout SpoolEffects
    ) -> AppendResult {
        if closed { return .failure(EventLogError(code: .closed, message: "the relay is shutting down")) }
        if let failure { return .failure(failure) }
        let size = batch.bytes.count
        let count = batch.frames.count
        if let refusal = makeRoom(for: size, effects: &effects) { return .failure(refusal) }
        if active.lastSequence != nil && active.bytes + size > configuration.effectiveSegmentBytes {
            do {
                try rollOver()
            } catch {
                return .failure(Self.refusal("could not start a new segment", error))
            }
        }
        let first = nextSequence
        batch.seal(firstSequence: first)
        let segment = active
        do {
            try FileIO.write(batch.bytes, to: segment.file.descriptor, at: segment.bytes, path: segment.file.path)
        } catch {
            return .failure(writeFailure(error, segment: segment, effects: &effects))
        }
        let last = first + UInt64(count) - 1
        cacheAppended(records, frames: batch, at: segment.bytes, in: segment.first, firstSequence: first)
        active.bytes += size
        active.lastSequence = last
        active.unreadRecords += count
        active.unreadBytes += batch.kinesisBytes
        unreadRecords += count
        unreadBytes += batch.kinesisBytes
        bytesOnDisk += size
        nextSequence = last + 1
        switch configuration.durability {
        case .write:
            active.committedBytes = active.bytes
            committedSequence = last
            releaseReadWaitersIfReady(&effects)
        case .fsync:
            dirty[active.first] = active.file
            effects.wakeSyncer = true
        }
        return .success(last)
    }

    /// Frees disk space for `size` more bytes as ``FileEventSpool/Configuration/whenFull`` says.
    /// - Returns: the refusal when the bytes cannot fit.
    private mutating func makeRoom(for size: Int, effects: inout SpoolEffects) -> EventLogError? {
        let cap = configuration.maxSpoolBytes
        while bytesOnDisk + size > cap {
            let activeFinished = active.lastSequence.map { acknowledged.contains(active.first...$0) } ?? false
            if activeFinished
                || (configuration.whenFull == .dropOldest && segments.count == 1
                    && active.lastSequence != nil)
            {
                // Close the active segment so that it can be deleted (finished) or dropped (next turn).
                do {
                    try rollOver()
                } catch {
                    return Self.refusal("could not start a new segment", error)
                }
                if activeFinished { removeSegment(at: segments.count - 2, effects: &effects) }
                continue
            }
            if configuration.whenFull == .dropOldest && segments.count > 1 {
                dropOldestSegment(effects: &effects)
                continue
            }
            if pendingRecords == 0 { return nil }
            return EventLogError(
                code: .full,
                message: "the spool is full (\(bytesOnDisk) of \(cap) bytes on disk, \(pendingRecords) records pending)"
            )
        }
        return nil
    }

    /// Deletes the oldest segment, finishing its records; the unread ones are counted as dropped.
    private mutating func dropOldestSegment(effects: inout SpoolEffects) {
        let oldest = segments[0]
        if let last = oldest.lastSequence { finish(oldest.first...last, effects: &effects) }
        droppedRecords += oldest.unreadRecords
        droppedBytes += oldest.unreadBytes
        effects.logs.append(
            SpoolLogEntry(
                level: .warning,
                message: "spool full: dropped the oldest segment",
                metadata: [
                    "goff.segment": oldest.file.path, "goff.dropped_records": String(oldest.unreadRecords),
                    "goff.dropped_bytes": String(oldest.unreadBytes), "goff.dropped_total": String(droppedRecords),
                ]))
        removeSegment(at: 0, effects: &effects)
    }

    /// Cuts a failed write back off the segment and describes the refusal.
    private mutating func writeFailure(
        _ error: SystemCallError, segment: SegmentState, effects: inout SpoolEffects
    )
        -> EventLogError
    {
        do {
            try FileIO.truncate(segment.file.descriptor, to: segment.bytes, path: segment.file.path)
        } catch {
            return ioFailure("a failed write could not be cut back", error, effects: &effects)
        }
        return Self.refusal("could not write to the spool", error)
    }

    /// The refusal for a failed system call that leaves the spool consistent: `.full` when the disk is.
    static func refusal(_ what: String, _ error: SystemCallError) -> EventLogError {
        EventLogError(code: error.isOutOfSpace ? .full : .ioFailure, message: "\(what): \(error)")
    }

    /// Records an I/O failure after which the spool takes no more appends.
    mutating func ioFailure(_ what: String, _ error: SystemCallError, effects: inout SpoolEffects) -> EventLogError {
        let refusal = EventLogError(code: .ioFailure, message: "spool I/O failure: \(what): \(error)")
        if failure == nil {
            failure = refusal
            effects.logs.append(
                SpoolLogEntry(
                    level: .error, message: "spool I/O failure; appends are refused until restart",
                    metadata: ["goff.reason": refusal.message]))
        }
        return refusal
    }
}
