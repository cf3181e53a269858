// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import EventSpool

@Test func recordsJustAppendedAreTakenFromTheCache() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory)
    try await spool.append((1...20).map { sized($0, size: 30) })
    #expect(spool.memoryFootprint.tailCacheRecords == 20)
    #expect(spool.memoryFootprint.tailCacheBytes == 20 * frameBytes(dataBytes: 30))
    let first = await spool.readAvailable(maxRecords: 8, maxBytes: 1 << 20)
    #expect(first.map(\.sequence) == Array(1...8))
    #expect(spool.tailCacheHandedOut == 8)
    #expect(spool.memoryFootprint.tailCacheRecords == 12, "handed-out records leave the cache")
    let rest = await spool.readAvailable(maxRecords: 100, maxBytes: 1 << 20)
    #expect(rest.map(\.sequence) == Array(9...20))
    #expect(spool.tailCacheHandedOut == 20)
    #expect(
        texts(first + rest) == (1...20).map { sized($0, size: 30) }.map { String(decoding: $0.data, as: UTF8.self) })
    #expect(spool.memoryFootprint.tailCacheRecords == 0)
    #expect(await spool.readAvailable(maxRecords: 100, maxBytes: 1 << 20).isEmpty)
}

@Test func aBatchLargerThanTheCacheIsNotCachedAndReadFromDisk() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, withTailCache(3 * frameBytes(dataBytes: 50)))
    let records = (1...10).map { sized($0, size: 50) }
    try await spool.append(records)
    #expect(spool.memoryFootprint.tailCacheRecords == 0, "the reader would not reach them before a disk read")
    let batch = await spool.readAvailable(maxRecords: 100, maxBytes: 1 << 20)
    #expect(batch.map(\.sequence) == Array(1...10))
    #expect(batch.map(\.record) == records)
    #expect(spool.tailCacheHandedOut == 0)
    try await spool.append(Array(records.prefix(3)))
    #expect(spool.memoryFootprint.tailCacheRecords == 3, "a batch that fits is cached")
    #expect(await spool.readAvailable(maxRecords: 100, maxBytes: 1 << 20).map(\.sequence) == [11, 12, 13])
    #expect(spool.tailCacheHandedOut == 3)
}

@Test func aReaderFurtherBehindThanTheCacheReadsFromDiskUntilItCatchesUp() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, withTailCache(10 * frameBytes(dataBytes: 20)))
    let records = (1...30).map { sized($0, size: 20) }
    try await spool.append(Array(records[0..<10]))
    let first = await spool.readAvailable(maxRecords: 4, maxBytes: 1 << 20)
    #expect(first.map(\.sequence) == [1, 2, 3, 4])
    #expect(spool.tailCacheHandedOut == 4)
    try await spool.append(Array(records[10..<20]))  // 6 unread + 10 new frames do not fit: not cached
    #expect(spool.memoryFootprint.tailCacheRecords == 6, "5...10 stay until read")
    let second = await spool.readAvailable(maxRecords: 3, maxBytes: 1 << 20)
    #expect(second.map(\.sequence) == [5, 6, 7])
    let third = await spool.readAvailable(maxRecords: 3, maxBytes: 1 << 20)
    #expect(third.map(\.sequence) == [8, 9, 10])
    #expect(spool.tailCacheHandedOut == 10)
    try await spool.append(Array(records[20..<25]))  // 10 unread + 5 new: still too far behind
    #expect(spool.memoryFootprint.tailCacheRecords == 0)
    let fourth = await spool.readAvailable(maxRecords: 100, maxBytes: 1 << 20)
    #expect(fourth.map(\.sequence) == Array(11...25), "from disk")
    #expect(spool.tailCacheHandedOut == 10)
    try await spool.append(Array(records[25..<30]))  // caught up: cached again
    #expect(spool.memoryFootprint.tailCacheRecords == 5)
    let fifth = await spool.readAvailable(maxRecords: 100, maxBytes: 1 << 20)
    #expect(fifth.map(\.sequence) == Array(26...30))
    #expect(spool.tailCacheHandedOut == 15)
    #expect((first + second + third + fourth + fifth).map(\.record) == records)
}

@Test(arguments: [FileEventSpool.Durability.write, .fsync])
func evictionDuringConcurrentReadsNeitherSkipsNorRepeats(durability: FileEventSpool.Durability) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let configuration = withTailCache(
        40 * frameBytes(dataBytes: 60), .init(durability: durability, segmentBytes: 16 << 10))
    let spool = try openSpool(directory, configuration)
    let batches = 300
    let seen = try await withThrowingTaskGroup(of: [LoggedRecord].self) { group in
        group.addTask {
            for start in stride(from: 0, to: batches * 25, by: 25) {
                try await spool.append((start..<start + 25).map { sized($0, size: 60) })
            }
            spool.close()
            return []
        }
        group.addTask {
            var mine: [LoggedRecord] = []
            while await spool.waitForRecords(timeout: nil) != .closed {
                let batch = await spool.readAvailable(maxRecords: 33, maxBytes: 1 << 20)
                mine += batch
                await spool.acknowledge(batch.map(\.sequence))
            }
            return mine
        }
        var all: [LoggedRecord] = []
        for try await part in group { all += part }
        return all
    }
    #expect(seen.map(\.sequence) == Array(1...UInt64(batches * 25)))
    #expect(seen.map(\.record) == (0..<batches * 25).map { sized($0, size: 60) })
    #expect(await spool.statistics().pendingRecords == 0)
}

@Test func aReadCrossesSegmentsOfCachedRecords() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, .init(segmentBytes: 4096))
    let records = (1...150).map { sized($0, size: 50) }
    for chunk in stride(from: 0, to: 150, by: 10) { try await spool.append(Array(records[chunk..<chunk + 10])) }
    #expect(try directory.segments().count >= 3)
    #expect(spool.memoryFootprint.tailCacheRecords == 150)
    let batch = await spool.readAvailable(maxRecords: 1000, maxBytes: 1 << 20)
    #expect(batch.map(\.sequence) == Array(1...150))
    #expect(spool.tailCacheHandedOut == 150)
    #expect(batch.map(\.record) == records)
    #expect(spool.memoryFootprint.tailCacheRecords == 0)
    await spool.acknowledge(batch.map(\.sequence))
    #expect(try directory.segments().count == 1, "finished segments are deleted")
    try await spool.append([sized(151, size: 50)])
    #expect(await spool.readAvailable(maxRecords: 10, maxBytes: 1 << 20).map(\.sequence) == [151])
}

@Test func deletingASegmentDropsItsCachedRecords() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, .init(maxSpoolBytes: 16 << 10, whenFull: .dropOldest))
    for index in 1...500 { try await spool.append([sized(index)]) }
    let statistics = spool.spoolStatistics()
    #expect(statistics.droppedRecords > 0)
    #expect(spool.memoryFootprint.tailCacheRecords == statistics.log.unreadRecords, "only records still on disk")
    let records = await drain(spool, acknowledge: true)
    #expect(records.map(\.sequence) == Array(UInt64(statistics.droppedRecords + 1)...500))
}

@Test func aCachedRecordIsHandedOutAsAcceptedEvenIfItsFrameIsDamagedLater() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, .init(segmentBytes: 4096))
    for index in 1...100 { try await spool.append([sized(index, size: 50)]) }
    let first = try #require(try directory.segments().first)
    try flipByte(in: first, at: 5 * frameBytes(dataBytes: 50) + 40)
    let records = await drain(spool, acknowledge: true)
    #expect(records.map(\.record) == (1...100).map { sized($0, size: 50) }, "read from memory, not the file")
    #expect(spool.spoolStatistics().lostRecords == 0)
    #expect(spool.tailCacheHandedOut == 100)
}

@Test func closeAndReopenReadsTheUnacknowledgedRestFromDisk() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let records = (1...50).map { sized($0, size: 40) }
    do {
        let spool = try openSpool(directory, .init(segmentBytes: 1024))
        try await spool.append(records)
        let batch = await spool.readAvailable(maxRecords: 20, maxBytes: 1 << 20)
        #expect(batch.map(\.sequence) == Array(1...20))
        await spool.acknowledge(Array(1...10))
        spool.close()
    }
    let spool = try openSpool(directory, .init(segmentBytes: 1024))
    #expect(spool.memoryFootprint.tailCacheRecords == 0, "a new process has nothing cached")
    let again = await drain(spool, acknowledge: false, batch: 7)
    #expect(again.map(\.sequence) == Array(11...50))
    #expect(spool.tailCacheHandedOut == 0)
    #expect(again.map(\.record) == Array(records[10...]))
    try await spool.append([sized(51, size: 40)])
    #expect(spool.memoryFootprint.tailCacheRecords == 1)
    #expect(await spool.readAvailable(maxRecords: 10, maxBytes: 1 << 20).map(\.sequence) == [51])
}

@Test func aCrashImageTakenWhileRecordsAreCachedLosesNothing() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let configuration = FileEventSpool.Configuration(segmentBytes: 2048, cursorWriteInterval: .zero)
    let spool = try openSpool(directory, configuration)
    let records = (1...120).map { sized($0, size: 30) }
    for chunk in stride(from: 0, to: 120, by: 12) { try await spool.append(Array(records[chunk..<chunk + 12])) }
    let read = await spool.readAvailable(maxRecords: 70, maxBytes: 1 << 20)
    await spool.acknowledge(read.prefix(50).map(\.sequence).shuffled())
    #expect(spool.memoryFootprint.tailCacheRecords == 50, "71...120 unread and cached")

    let image = try TemporaryDirectory()
    defer { image.remove() }
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
        try FileManager.default.copyItem(atPath: directory.path + "/" + name, toPath: image.path + "/" + name)
    }
    let recovered = try openSpool(image, configuration)
    let again = await drain(recovered, acknowledge: false, batch: 11)
    #expect(again.map(\.sequence) == Array(51...120), "in flight and unread, nothing acknowledged")
    #expect(again.map(\.record) == Array(records[50...]))
    _ = spool
}

@Test func aDisabledCacheKeepsNothing() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, withTailCache(0))
    try await spool.append((1...10).map { sized($0) })
    #expect(spool.memoryFootprint.tailCacheRecords == 0)
    #expect(spool.memoryFootprint.tailCacheBytes == 0)
    #expect(await spool.readAvailable(maxRecords: 100, maxBytes: 1 << 20).map(\.sequence) == Array(1...10))
}
