// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import EventSpool

@Test func inOrderAcknowledgementsOnlyMoveTheCursor() {
    var set = AcknowledgedSet()
    for sequence in 1...1000 { set.insert(UInt64(sequence)) }
    #expect(set.cursor == 1001)
    #expect(set.ranges.isEmpty)
}

@Test func outOfOrderAcknowledgementsKeepOneRangePerHole() {
    var set = AcknowledgedSet()
    for sequence in 2...10_000 { set.insert(UInt64(sequence)) }  // 1 is stuck
    #expect(set.cursor == 1)
    #expect(set.ranges == [2...10_000])
    #expect(!set.contains(1))
    #expect(set.contains(5_000))
    set.insert(1)
    #expect(set.cursor == 10_001)
    #expect(set.ranges.isEmpty)
}

@Test func rangesMergeWhenTheyTouchAndStaySortedOtherwise() {
    var set = AcknowledgedSet()
    set.insert(10)
    set.insert(5)
    set.insert(7)
    #expect(set.ranges == [5...5, 7...7, 10...10])
    set.insert(6)
    #expect(set.ranges == [5...7, 10...10])
    set.insert(8...9)
    #expect(set.ranges == [5...10])
    set.insert(3...12)
    #expect(set.ranges == [3...12])
    set.insert(1...2)
    #expect(set.cursor == 13)
    #expect(set.ranges.isEmpty)
}

@Test func rangeMembership() {
    let set = AcknowledgedSet(cursor: 5, ranges: [10...20, 30...30])
    #expect(set.contains(1...4))
    #expect(!set.contains(4...6))
    #expect(set.contains(10...20))
    #expect(set.contains(12...15))
    #expect(!set.contains(19...21))
    #expect(!set.contains(25...26))
    #expect(set.contains(30...30))
    #expect(set.highestFinished == 30)
    #expect(AcknowledgedSet().highestFinished == nil)
    #expect(AcknowledgedSet(cursor: 8).highestFinished == 7)
}

@Test func initializerNormalizesRanges() {
    let set = AcknowledgedSet(cursor: 3, ranges: [9...9, 1...2, 3...4, 7...8])
    #expect(set.cursor == 5)
    #expect(set.ranges == [7...9])
}

@Test func trackerRebuildsTheComplementOfTheUnfinishedRecords() {
    var tracker = UnfinishedTracker()
    for sequence: UInt64 in [4, 5, 9, 12] { tracker.visit(sequence) }
    let set = tracker.finished(nextSequence: 20)
    #expect(set.cursor == 4)
    #expect(set.ranges == [6...8, 10...11, 13...19])
    #expect(UnfinishedTracker().finished(nextSequence: 7) == AcknowledgedSet(cursor: 7))
}
