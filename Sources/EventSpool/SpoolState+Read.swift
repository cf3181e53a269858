// SPDX-License-Identifier: Apache-2.0

/// The committed bytes a read may fetch, decided under the lock and fetched outside it.
struct ReadPlan: Sendable {
    /// The segment (kept open even if deleted meanwhile).
    var file: SegmentFile
    /// The reader's position when planned.
    var position: ReaderPosition
    /// The end of the committed bytes of that segment.
    var limit: Int
    /// The reader epoch when planned; the read is discarded if it changed.
    var epoch: UInt64
    /// Finished sequences: frames carrying one are skipped, not handed out.
    var acknowledged: AcknowledgedSet
}

/// One record a read hands out.
struct ReadRecord: Sendable {
    var sequence: UInt64
    var size: Int
    var acceptedAtNanos: UInt64
}

extension SpoolState {
    /// Where the next committed bytes are, moving the reader over segments it has finished; `nil` when every
    /// committed byte has been read.
    mutating func planRead() -> ReadPlan? {
        guard let index = readableSegmentIndex() else { return nil }
        let segment = segments[index]
        return ReadPlan(
            file: segment.file, position: reader, limit: segment.committedBytes, epoch: readerEpoch,
            acknowledged: acknowledged)
    }

    /// The index of the reader's segment once it has committed bytes left to read, moving the reader over
    /// segments it has finished; `nil` when every committed byte has been read.
    mutating func readableSegmentIndex() -> Int? {
        while true {
            guard let index = index(ofSegment: reader.segment) else {
                // Unreachable by the invariants (removing the reader's segment moves it); recover anyway.
                let next = segments.first { $0.first > reader.segment } ?? active
                reader = ReaderPosition(segment: next.first, offset: 0, sequence: next.first)
                readerEpoch += 1
                continue
            }
            let segment = segments[index]
            if reader.offset < segment.committedBytes { return index }
            guard index + 1 < segments.count, segment.committedBytes == segment.bytes else { return nil }
            let next = segments[index + 1]
            reader = ReaderPosition(segment: next.first, offset: 0, sequence: next.first)
        }
    }

    /// Applies a read made from `plan`: the reader advanced `consumedBytes` (handing out `records` and
    /// skipping finished frames) and now expects `nextSequence`.
    /// - Returns: `false` when the reader was moved meanwhile; the caller discards its read and plans again.
    mutating func commitRead(
        _ plan: ReadPlan, consumedBytes: Int, nextSequence: UInt64, records: [ReadRecord]
    ) -> Bool {
        guard plan.epoch == readerEpoch, plan.position == reader, let index = index(ofSegment: reader.segment) else {
            return false
        }
        reader.offset += consumedBytes
        reader.sequence = nextSequence
        for record in records {
            handOut(record.sequence, size: record.size, acceptedAtNanos: record.acceptedAtNanos, segment: index)
        }
        tailCache.removeAll(before: nextSequence)  // what was read from disk is no longer needed in memory
        return true
    }

    /// Moves an unread record of `segments[segment]` in flight.
    mutating func handOut(_ sequence: UInt64, size: Int, acceptedAtNanos: UInt64, segment index: Int) {
        inFlight[sequence] = InFlightRecord(size: size, acceptedAtNanos: acceptedAtNanos)
        inFlightBytes += size
        segments[index].unreadRecords -= 1
        segments[index].unreadBytes -= size
        unreadRecords -= 1
        unreadBytes -= size
    }

    /// Gives up the rest of the reader's segment after a frame there failed its checks (or could not be
    /// read): its unread records are counted as lost and finished, and the reader moves to the next segment.
    /// An active segment is closed first, so that nothing more is appended behind the damage.
    mutating func abandonReaderSegment(reason: String, effects: inout SpoolEffects) {
        guard var index = index(ofSegment: reader.segment) else { return }
        if index == segments.count - 1 {
            do {
                try rollOver()
            } catch {
                _ = ioFailure("could not close a damaged segment", error, effects: &effects)
            }
        }
        let segment = segments[index]
        if let last = segment.lastSequence, reader.sequence <= last {
            finish(reader.sequence...last, effects: &effects)
        }
        lostRecords += segment.unreadRecords
        unreadRecords -= segment.unreadRecords
        unreadBytes -= segment.unreadBytes
        segments[index].unreadRecords = 0
        segments[index].unreadBytes = 0
        effects.logs.append(
            SpoolLogEntry(
                level: .error, message: "damaged spool segment: its remaining records are lost",
                metadata: [
                    "goff.segment": segment.file.path, "goff.offset": String(reader.offset), "goff.reason": reason,
                    "goff.lost_records": String(segment.unreadRecords),
                ]))
        readerEpoch += 1
        if index + 1 < segments.count {
            index += 1
            reader = ReaderPosition(segment: segments[index].first, offset: 0, sequence: segments[index].first)
        } else {
            // The active segment could not be closed: skip to its end; appends are refused from now on.
            reader = ReaderPosition(segment: segment.first, offset: segment.bytes, sequence: nextSequence)
        }
        removeFinishedSegments(effects: &effects)
    }
}
