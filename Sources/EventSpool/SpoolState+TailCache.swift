// SPDX-License-Identifier: Apache-2.0

/// Records a read took from the tail cache.
struct CachedRead: Sendable {
    /// The records handed out, in order.
    var records: [LoggedRecord] = []
    /// Their summed ``ExportRecord/kinesisSize``.
    var bytes = 0
    /// Whether the next record did not fit the read's limits.
    var full = false
    /// Whether the reader moved (it may have moved over finished records only).
    var advanced = false
}

extension SpoolState {
    /// Keeps just-written records in the tail cache with the place of their frames: `frames` encodes
    /// `records`, and was written at `offset` of segment `segment`, numbered from `firstSequence`.
    ///
    /// Only when every frame between the reader and the end of the batch fits in the cache: a reader further
    /// behind (a backlog) reads from disk anyway, and would find these records evicted by the time it gets
    /// to them. So the cache never churns through records nobody takes from it, and it holds at most the
    /// unread tail: its oldest entries are dropped only once read.
    mutating func cacheAppended(
        _ records: [ExportRecord], frames: FrameCodec.EncodedBatch, at offset: Int, in segment: UInt64,
        firstSequence: UInt64
    ) {
        guard tailCache.capacity > 0, records.count == frames.frames.count,
            framesAfterReader(upTo: segment, offset: offset) + frames.bytes.count <= tailCache.capacity
        else { return }
        for (index, record) in records.enumerated() {
            let start = offset + frames.frames[index].offset
            let end = offset + (index + 1 < frames.frames.count ? frames.frames[index + 1].offset : frames.bytes.count)
            tailCache.append(
                TailCache.Entry(
                    sequence: firstSequence + UInt64(index), segment: segment, offset: start, endOffset: end,
                    kinesisSize: record.kinesisSize, record: record))
        }
    }

    /// The bytes of the frames between the reader and `offset` of segment `segment` (the append point).
    private func framesAfterReader(upTo segment: UInt64, offset: Int) -> Int {
        if reader.segment == segment { return max(0, offset - reader.offset) }
        guard let start = index(ofSegment: reader.segment) else { return offset }
        var bytes = offset - reader.offset
        for index in start..<segments.count where segments[index].first < segment { bytes += segments[index].bytes }
        return bytes
    }

    /// Takes records for a reader from the tail cache, exactly as reading them from the segment files would:
    /// only committed frames, only where the reader stands, skipping finished records, within the limits
    /// (`taken` records of `takenBytes` are already in the caller's batch; the first record of a batch is
    /// taken even if larger than `maxBytes`). Handed-out records go in flight and leave the cache.
    /// - Returns: `nil` when the record the reader needs next is not in the cache (read it from disk), or
    ///   there is nothing committed to read.
    mutating func takeFromTailCache(taken: Int, takenBytes: Int, maxRecords: Int, maxBytes: Int) -> CachedRead? {
        guard tailCache.count > 0, var index = readableSegmentIndex() else { return nil }
        tailCache.removeAll(before: reader.sequence)  // read from disk meanwhile, or skipped
        var read = CachedRead()
        read.records.reserveCapacity(min(maxRecords - taken, tailCache.count))
        while let entry = tailCache.firstPlace {
            if reader.offset >= segments[index].committedBytes {
                guard let next = readableSegmentIndex() else { break }
                index = next
            }
            guard
                entry.sequence == reader.sequence, entry.segment == reader.segment, entry.offset == reader.offset,
                entry.endOffset <= segments[index].committedBytes
            else { break }
            if acknowledged.contains(entry.sequence) {
                tailCache.removeFirst()
            } else {
                let count = taken + read.records.count
                if count >= maxRecords || (count > 0 && takenBytes + read.bytes + entry.kinesisSize > maxBytes) {
                    read.full = true
                    break
                }
                let record = tailCache.removeFirstRecord()
                handOut(
                    entry.sequence, size: entry.kinesisSize, acceptedAtNanos: record.acceptedAtNanos, segment: index)
                read.records.append(LoggedRecord(sequence: entry.sequence, record: record))
                read.bytes += entry.kinesisSize
            }
            reader.offset = entry.endOffset
            reader.sequence += 1
            read.advanced = true
        }
        tailCacheHandedOut += read.records.count
        return read.advanced || read.full ? read : nil
    }
}
