// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import EventSpool

/// An entry of `frame` bytes for `sequence`, its frames back to back in segment 1.
private func entry(_ sequence: UInt64, frame: Int = 100) -> TailCache.Entry {
    let offset = Int(sequence - 1) * frame
    return TailCache.Entry(
        sequence: sequence, segment: 1, offset: offset, endOffset: offset + frame, kinesisSize: frame - 40,
        record: sized(Int(sequence)))
}

@Test func theTailCacheDropsItsOldestEntriesToStayWithinItsCapacity() {
    var cache = TailCache(capacity: 350)
    for sequence: UInt64 in 1...5 { cache.append(entry(sequence)) }
    #expect(cache.count == 3)
    #expect(cache.bytes == 300)
    #expect(cache.first?.sequence == 3)
    cache.append(entry(6, frame: 150))
    #expect(cache.count == 3, "3 went to make room for 150 bytes")
    #expect(cache.first?.sequence == 4)
    #expect(cache.bytes == 350)
}

@Test func anEntryLargerThanTheTailCacheEmptiesIt() {
    var cache = TailCache(capacity: 350)
    cache.append(entry(1))
    cache.append(entry(2, frame: 351))
    #expect(cache.count == 0)
    #expect(cache.bytes == 0)
    cache.append(entry(3))
    #expect(cache.first?.sequence == 3)
}

@Test func aZeroCapacityTailCacheHoldsNothing() {
    var cache = TailCache(capacity: 0)
    cache.append(entry(1))
    #expect(cache.count == 0)
    #expect(TailCache(capacity: -5).capacity == 0)
}

@Test func removingFromTheFrontKeepsTheRestInOrderAcrossCompactions() {
    var cache = TailCache(capacity: 1 << 30)
    for sequence: UInt64 in 1...5000 { cache.append(entry(sequence)) }
    cache.removeAll(before: 3001)
    #expect(cache.count == 2000)
    #expect(cache.bytes == 200_000)
    for expected: UInt64 in 3001...5000 {
        #expect(cache.first?.sequence == expected)
        #expect(cache.first?.record == sized(Int(expected)))
        cache.removeFirst()
    }
    #expect(cache.count == 0)
    #expect(cache.bytes == 0)
    cache.removeFirst()
    #expect(cache.count == 0)
}

@Test func theTailCacheKeepsGapsButNotDisorder() {
    var cache = TailCache(capacity: 1000)
    cache.append(entry(1))
    cache.append(entry(2))
    cache.append(entry(4))
    #expect(cache.count == 3, "3 was not cached: a gap")
    cache.append(entry(4))
    #expect(cache.count == 1, "out of order: started afresh")
    #expect(cache.first?.sequence == 4)
}
