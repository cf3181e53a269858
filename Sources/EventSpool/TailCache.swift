// SPDX-License-Identifier: Apache-2.0

/// Records appended by this process and not yet read, oldest first, bounded by their frame bytes.
///
/// Each entry says where its frame is (segment, start and end offsets) and which sequence it carries, so a
/// reader standing exactly there can take the record and move on as if it had read and checked the frame.
/// Entries are in increasing sequence order (added in append order, removed from the front or all at once);
/// there may be gaps, where records were not cached.
struct TailCache: Sendable {
    /// One cached record.
    struct Entry: Sendable {
        /// The record's sequence.
        var sequence: UInt64
        /// The first sequence of the segment its frame is in.
        var segment: UInt64
        /// Where its frame starts in that segment.
        var offset: Int
        /// Where its frame ends (the next frame's offset).
        var endOffset: Int
        /// Its ``ExportRecord/kinesisSize``.
        var kinesisSize: Int
        /// The record as appended.
        var record: ExportRecord

        /// What it counts against the capacity.
        var frameBytes: Int { endOffset - offset }
    }

    /// The most frame bytes held; `0` holds nothing.
    let capacity: Int
    /// The frame bytes held.
    private(set) var bytes = 0
    private var entries: [Entry] = []
    /// The index of the oldest entry in `entries` (removed ones before it are compacted away in bulk).
    private var head = 0

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The number of entries held.
    var count: Int { entries.count - head }

    /// The oldest entry.
    var first: Entry? { head < entries.count ? entries[head] : nil }

    /// Where the oldest entry's frame is, read without copying (and so retaining) its record.
    var firstPlace: Place? {
        guard head < entries.count else { return nil }
        return Place(
            sequence: entries[head].sequence, segment: entries[head].segment, offset: entries[head].offset,
            endOffset: entries[head].endOffset, kinesisSize: entries[head].kinesisSize)
    }

    /// An entry without its record.
    struct Place: Sendable {
        var sequence: UInt64
        var segment: UInt64
        var offset: Int
        var endOffset: Int
        var kinesisSize: Int
    }

    /// Adds the newest entry, dropping the oldest ones to make room. An entry larger than the whole capacity
    /// empties the cache and is not kept.
    mutating func append(_ entry: Entry) {
        guard entry.frameBytes <= capacity else {
            removeAll()
            return
        }
        if let last = entries.last, head < entries.count, last.sequence >= entry.sequence {
            removeAll()  // out of order (unreachable by the spool's invariants): keep the rule anyway
        }
        while bytes + entry.frameBytes > capacity, head < entries.count { removeFirst() }
        entries.append(entry)
        bytes += entry.frameBytes
    }

    /// Removes the oldest entry (there must be one) and returns its record, moved out rather than copied.
    mutating func removeFirstRecord() -> ExportRecord {
        var record = Self.released
        swap(&record, &entries[head].record)
        advanceHead()
        return record
    }

    /// Drops the oldest entry.
    mutating func removeFirst() {
        guard head < entries.count else { return }
        entries[head].record = Self.released  // let go of the record now, not at the next compaction
        advanceHead()
    }

    /// Forgets the oldest entry, whose record is gone already.
    private mutating func advanceHead() {
        bytes -= entries[head].frameBytes
        head += 1
        if head == entries.count {
            removeAll()
        } else if head >= 1024 && head * 2 >= entries.count {
            entries.removeFirst(head)
            head = 0
        }
    }

    /// Drops every entry whose sequence is below `sequence`.
    mutating func removeAll(before sequence: UInt64) {
        while let place = firstPlace, place.sequence < sequence { removeFirst() }
    }

    /// Drops every entry.
    mutating func removeAll() {
        // A burst's worth of slots is given back; a steady load's is kept for reuse.
        entries.removeAll(keepingCapacity: entries.capacity <= 4096)
        head = 0
        bytes = 0
    }

    /// What a dropped slot holds until compaction: nothing on the heap.
    private static let released = ExportRecord(data: [], partitionKey: "", eventKey: "")
}
