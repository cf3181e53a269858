// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import EventSpool

@Test(arguments: [FileEventSpool.Durability.fsync, .write], tailCacheSizes)
func appendReadAcknowledgeRoundTrip(durability: FileEventSpool.Durability, tailCache: Int) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, withTailCache(tailCache, .init(durability: durability)))
    try await spool.append([record("a", acceptedAt: 11), record("b", key: "other", event: "e2", acceptedAt: 12)])
    try await spool.append([record("c", acceptedAt: 13)])
    #expect(await spool.waitForRecords(timeout: .zero) == .ready)
    var stats = await spool.statistics()
    #expect(stats == EventLogStatistics(pendingRecords: 3, pendingBytes: 12, unreadRecords: 3, capacityBytes: 1 << 30))

    let batch = await spool.readAvailable(maxRecords: 10, maxBytes: 1000)
    #expect(batch.map(\.sequence) == [1, 2, 3])
    #expect(texts(batch) == ["a", "b", "c"])
    #expect(batch[1].record == record("b", key: "other", event: "e2", acceptedAt: 12))
    #expect(await spool.readAvailable(maxRecords: 10, maxBytes: 1000).isEmpty, "a record is handed out once")
    #expect(await spool.waitForRecords(timeout: .milliseconds(1)) == .timedOut)
    stats = await spool.statistics()
    #expect(stats.pendingRecords == 3)
    #expect(stats.unreadRecords == 0)
    #expect(spool.spoolStatistics().oldestPendingAcceptedAtNanos == 11)

    await spool.acknowledge([2, 1])
    #expect(spool.spoolStatistics().oldestPendingAcceptedAtNanos == 13)
    #expect(spool.spoolStatistics().cursor == 3)
    await spool.acknowledge([3, 3, 99])
    stats = await spool.statistics()
    #expect(stats.pendingRecords == 0)
    #expect(stats.pendingBytes == 0)
    #expect(spool.spoolStatistics().oldestPendingAcceptedAtNanos == nil)
    #expect(spool.spoolStatistics().bytesOnDisk == (try directory.segmentBytes()))
    #expect(spool.isSyncerRunning == (durability == .fsync))
}

@Test(arguments: tailCacheSizes)
func readsRespectRecordAndByteLimitsButAlwaysReturnTheFirstRecord(tailCache: Int) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, withTailCache(tailCache))
    try await spool.append([record(String(repeating: "x", count: 98)), record("yy"), record("zz"), record("ww")])
    let first = await spool.readAvailable(maxRecords: 10, maxBytes: 10)
    #expect(first.count == 1, "an oversized head record is still handed out alone")
    let second = await spool.readAvailable(maxRecords: 2, maxBytes: 1000)
    #expect(texts(second) == ["yy", "zz"])
    let third = await spool.readAvailable(maxRecords: 5, maxBytes: 4)  // "ww" + "pk" = 4 bytes
    #expect(texts(third) == ["ww"])
    #expect(await spool.readAvailable(maxRecords: 0, maxBytes: 0).isEmpty)
}

@Test(arguments: tailCacheSizes)
func pendingRecordsStayUnreadUntilTheirFlushAndOrderIsKept(tailCache: Int) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, withTailCache(tailCache))
    for index in 0..<50 { try await spool.append([sized(index, size: 10)]) }
    let batch = await drain(spool, acknowledge: false, batch: 7)
    #expect(batch.map(\.sequence) == Array(1...50))
    #expect(texts(batch).map { $0.prefix { $0 != "." } } == (0..<50).map { String($0)[...] })
}

@Test func spoolWaitTimesOutThenWakesOnAppend() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory)
    #expect(await spool.waitForRecords(timeout: .milliseconds(20)) == .timedOut)
    async let readiness = spool.waitForRecords(timeout: nil)
    try await Task.sleep(for: .milliseconds(20))
    try await spool.append([record("a")])
    #expect(await readiness == .ready)
}

@Test func cancelledSpoolWaitReturns() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory)
    let task = Task { await spool.waitForRecords(timeout: nil) }
    task.cancel()
    #expect(await task.value == .timedOut)
}

@Test func aRecordLargerThanTheReadChunkRoundTripsAndTheBufferShrinksBack() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let big = ExportRecord(
        data: (0..<(2 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }, partitionKey: "p", eventKey: "e")
    do {
        let spool = try openSpool(directory)
        try await spool.append([record("before"), big, record("after")])
        let batch = await spool.readAvailable(maxRecords: 10, maxBytes: 10 << 20)
        #expect(batch.map(\.record) == [record("before"), big, record("after")])
        #expect(spool.memoryFootprint.readBufferBytes <= FileEventSpool.readChunkBytes)
    }
    let reopened = try openSpool(directory)
    #expect(await drain(reopened, acknowledge: false).map(\.record) == [record("before"), big, record("after")])
}

@Test func theDirectoryIsLockedWhileASpoolHasItOpen() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    do {
        let spool = try openSpool(directory)
        #expect(throws: FileEventSpoolError.self) { try openSpool(directory) }
        do {
            _ = try openSpool(directory)
        } catch let error as FileEventSpoolError {
            #expect(error.code == .locked)
        }
        try await spool.append([record("a")])
    }
    let reopened = try openSpool(directory)
    #expect(await reopened.statistics().unreadRecords == 1)
}

@Test func factoryBuildsTheLogTheDurabilityNames() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let logs = LogCapture()
    let memory = try EventLogFactory.make(directory: directory.path, durability: .memory, logger: logs.logger)
    #expect(memory is MemoryEventLog)
    #expect(try directory.segments().isEmpty, "a memory log touches no file")
    let file = try EventLogFactory.make(
        directory: directory.path + "/exporter-1", durability: .write, maxBytes: 1 << 20, whenFull: .dropOldest,
        logger: logs.logger)
    let spool = try #require(file as? FileEventSpool)
    #expect(spool.configuration == .init(durability: .write, maxSpoolBytes: 1 << 20, whenFull: .dropOldest))
    #expect(spool.directory == directory.path + "/exporter-1")
}
