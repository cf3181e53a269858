// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import EventSpool

@Test func aLargeBacklogStaysOnDiskNotInMemory() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let total = 200_000
    let configuration = FileEventSpool.Configuration(durability: .write, segmentBytes: 1 << 20)
    // The tail cache holds at most its capacity of frames, plus its per-record entries.
    let cacheBound = configuration.tailCacheBytes + configuration.tailCacheBytes / frameBytes(dataBytes: 40) * 96
    let bound = FileEventSpool.readChunkBytes + 64 << 10 + cacheBound
    do {
        let spool = try openSpool(directory, configuration)
        for start in stride(from: 0, to: total, by: 1000) {
            try await spool.append((start..<start + 1000).map { sized($0, size: 40) })
        }
        let footprint = spool.memoryFootprint
        #expect(footprint.estimatedBytes < bound, "\(footprint)")
        #expect(footprint.inFlightRecords == 0)
        #expect(footprint.tailCacheBytes > 0 && footprint.tailCacheBytes <= configuration.tailCacheBytes)
        #expect(spool.spoolStatistics().bytesOnDisk == total * frameBytes(dataBytes: 40))
    }
    let spool = try openSpool(directory, configuration)
    #expect(await spool.statistics().unreadRecords == total)
    #expect(spool.memoryFootprint.estimatedBytes < bound - cacheBound, "recovery keeps nothing per record")
    var next: UInt64 = 1
    var largest = 0
    while true {
        let batch = await spool.readAvailable(maxRecords: 500, maxBytes: 5 << 20)
        if batch.isEmpty { break }
        #expect(batch.first?.sequence == next)
        next += UInt64(batch.count)
        largest = max(largest, spool.memoryFootprint.estimatedBytes)
        await spool.acknowledge(batch.map(\.sequence))
    }
    #expect(next == UInt64(total + 1))
    #expect(largest < bound)
    #expect(spool.memoryFootprint.finishedRanges == 0)
    #expect(try directory.segments().count == 1)
}
