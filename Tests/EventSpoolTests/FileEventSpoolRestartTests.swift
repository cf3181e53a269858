// SPDX-License-Identifier: Apache-2.0

import Logging
import Testing

@testable import EventSpool

@Test(arguments: tailCacheSizes)
func restartResumesFromTheCursorWithOutOfOrderAcknowledgements(tailCache: Int) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let acknowledged: Set<UInt64> = Set((1...100).filter { $0 % 3 == 0 || (20...60).contains($0) }).union([1, 2, 4])
    do {
        let spool = try openSpool(directory, withTailCache(tailCache))
        for index in 1...100 { try await spool.append([sized(index, size: 20)]) }
        let batch = await spool.readAvailable(maxRecords: 1000, maxBytes: 1 << 20)
        #expect(batch.count == 100)
        await spool.acknowledge(acknowledged.shuffled())
        #expect(spool.spoolStatistics().cursor == 5)
        #expect(spool.memoryFootprint.finishedRanges < 40, "ranges, not one entry per acknowledged record")
    }
    let expected = (1...100).filter { !acknowledged.contains(UInt64($0)) }.map(UInt64.init)
    do {
        let spool = try openSpool(directory, withTailCache(tailCache))
        #expect(await spool.statistics().pendingRecords == expected.count)
        #expect(await spool.waitForRecords(timeout: .zero) == .ready)
        let again = await drain(spool, acknowledge: false, batch: 9)
        #expect(again.map(\.sequence) == expected, "only the unacknowledged records, in order")
        #expect(texts(again).map { Int($0.prefix { $0 != "." }) } == expected.map { Int($0) })
        await spool.acknowledge(expected.reversed())
        try await spool.append([record("new")])
        let fresh = await spool.readAvailable(maxRecords: 10, maxBytes: 1000)
        #expect(fresh.map(\.sequence) == [101], "sequences are never reused")
    }
    let spool = try openSpool(directory)
    let last = await drain(spool, acknowledge: false)
    #expect(texts(last) == ["new"])
    #expect(last.map(\.sequence) == [101])
}

@Test func sequencesContinueAfterEverySegmentWasDeleted() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let configuration = FileEventSpool.Configuration(segmentBytes: 4096)
    do {
        let spool = try openSpool(directory, configuration)
        for index in 1...200 { try await spool.append([sized(index)]) }
        _ = await drain(spool, acknowledge: true)
        #expect(try directory.segments().count == 1, "only the active segment is left")
    }
    do {
        let spool = try openSpool(directory, configuration)
        #expect(await spool.statistics().pendingRecords == 0)
        try await spool.append([record("next")])
        #expect(await spool.readAvailable(maxRecords: 1, maxBytes: 100).map(\.sequence) == [201])
    }
}

@Test func anUnreadableCursorFileMeansEverythingIsSentAgainNeverSkipped() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    do {
        let spool = try openSpool(directory)
        for index in 1...10 { try await spool.append([sized(index, size: 5)]) }
        let batch = await spool.readAvailable(maxRecords: 4, maxBytes: 1000)
        await spool.acknowledge(batch.map(\.sequence))
    }
    try flipByte(in: directory.path + "/cursor", at: 9)
    let logs = LogCapture()
    let spool = try openSpool(directory, logs: logs)
    #expect(await drain(spool, acknowledge: false).map(\.sequence) == Array(1...10))
    #expect(logs.entries.contains { $0.level == .warning && $0.message.contains("cursor file is unreadable") })
}

@Test func recordsInFlightWhenTheProcessStoppedAreHandedOutAgain() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    do {
        let spool = try openSpool(directory)
        try await spool.append((1...5).map { sized($0, size: 5) })
        _ = await spool.readAvailable(maxRecords: 5, maxBytes: 1000)  // never acknowledged
        await spool.acknowledge([2])
    }
    let spool = try openSpool(directory)
    #expect(await drain(spool, acknowledge: false).map(\.sequence) == [1, 3, 4, 5])
}
