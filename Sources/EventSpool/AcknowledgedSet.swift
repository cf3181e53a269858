// SPDX-License-Identifier: Apache-2.0

/// The set of finished sequences, kept compact whatever the order of acknowledgements.
///
/// Invariants:
/// - Every sequence below ``cursor`` is finished; ``cursor`` itself is not.
/// - ``ranges`` are finished sequences above the cursor: sorted, disjoint, none adjacent to another nor to
///   the cursor (they are merged as soon as they touch). Their count is the number of holes left by
///   out-of-order acknowledgements, not the number of acknowledged records, so one stuck record costs
///   one range however many records are acknowledged after it.
struct AcknowledgedSet: Sendable, Equatable {
    /// The lowest unfinished sequence.
    private(set) var cursor: UInt64
    /// Finished sequences above the cursor.
    private(set) var ranges: [ClosedRange<UInt64>]

    /// A set where everything below `cursor` and inside `ranges` is finished. `ranges` are normalized.
    init(cursor: UInt64 = 1, ranges: [ClosedRange<UInt64>] = []) {
        self.cursor = max(cursor, 1)
        self.ranges = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) { insert(range) }
    }

    /// Whether `sequence` is finished.
    func contains(_ sequence: UInt64) -> Bool {
        if sequence < cursor { return true }
        guard let index = lastRange(startingAtOrBelow: sequence) else { return false }
        return ranges[index].contains(sequence)
    }

    /// Whether every sequence of `range` is finished.
    func contains(_ range: ClosedRange<UInt64>) -> Bool {
        if range.upperBound < cursor { return true }
        if range.lowerBound <= cursor { return false }  // the cursor itself is unfinished
        guard let index = lastRange(startingAtOrBelow: range.lowerBound) else { return false }
        return ranges[index].upperBound >= range.upperBound
    }

    /// The highest sequence known finished, if any.
    var highestFinished: UInt64? { ranges.last?.upperBound ?? (cursor > 1 ? cursor - 1 : nil) }

    /// Marks one sequence finished.
    mutating func insert(_ sequence: UInt64) {
        insert(sequence...sequence)
    }

    /// Marks every sequence of `range` finished.
    mutating func insert(_ range: ClosedRange<UInt64>) {
        guard range.upperBound >= cursor else { return }
        var low = max(range.lowerBound, cursor)
        var high = range.upperBound
        // Every range that overlaps or touches [low, high] is absorbed into it.
        var first = ranges.count
        var last = -1
        var index = firstRange(endingAtOrAbove: low == 0 ? 0 : low - 1)
        while index < ranges.count && ranges[index].lowerBound <= (high == .max ? high : high + 1) {
            low = min(low, ranges[index].lowerBound)
            high = max(high, ranges[index].upperBound)
            first = min(first, index)
            last = index
            index += 1
        }
        if last >= first {
            ranges.replaceSubrange(first...last, with: [low...high])
        } else {
            ranges.insert(low...high, at: firstRange(endingAtOrAbove: low))
        }
        if let head = ranges.first, head.lowerBound == cursor {
            cursor = head.upperBound == .max ? .max : head.upperBound + 1
            ranges.removeFirst()
        }
    }

    /// The index of the first range whose upper bound is at least `value` (or `ranges.count`).
    private func firstRange(endingAtOrAbove value: UInt64) -> Int {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the last range whose lower bound is at most `value`.
    private func lastRange(startingAtOrBelow value: UInt64) -> Int? {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].lowerBound <= value { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }
}
