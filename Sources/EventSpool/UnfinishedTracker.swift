// SPDX-License-Identifier: Apache-2.0

/// Rebuilds the finished set at start-up from the unfinished records, met in sequence order.
///
/// Everything below the next sequence that is not an unfinished record is finished: delivered before the
/// restart, or a sequence no record carries any more (a deleted segment, a truncated tail). So after
/// recovery the cursor is the first unfinished record, and the ranges are exactly the gaps between
/// unfinished records: as compact as the holes, whatever the backlog.
struct UnfinishedTracker: Sendable {
    private var firstUnfinished: UInt64?
    private var lastUnfinished: UInt64 = 0
    private var gaps: [ClosedRange<UInt64>] = []

    /// Notes an unfinished record; sequences must increase from call to call.
    mutating func visit(_ sequence: UInt64) {
        if firstUnfinished == nil {
            firstUnfinished = sequence
        } else if sequence > lastUnfinished + 1 {
            gaps.append((lastUnfinished + 1)...(sequence - 1))
        }
        lastUnfinished = sequence
    }

    /// The finished set when the next sequence to assign is `nextSequence`.
    func finished(nextSequence: UInt64) -> AcknowledgedSet {
        guard let firstUnfinished else { return AcknowledgedSet(cursor: nextSequence) }
        var ranges = gaps
        if lastUnfinished + 1 < nextSequence { ranges.append((lastUnfinished + 1)...(nextSequence - 1)) }
        return AcknowledgedSet(cursor: firstUnfinished, ranges: ranges)
    }
}
