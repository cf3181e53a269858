// SPDX-License-Identifier: Apache-2.0

import Logging
import Testing

@testable import EventSpool

private let frame = frameBytes(dataBytes: 100)

@Test func aFullSpoolRejectsWholeAppendsAndTakesThemAgainOnceDrained() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, .init(maxSpoolBytes: 16 << 10))
    var accepted = 0
    while true {
        do {
            try await spool.append([sized(accepted)])
            accepted += 1
        } catch {
            #expect(error.code == .full)
            break
        }
    }
    #expect(accepted == (16 << 10) / frame)
    let before = spool.spoolStatistics()
    let filesBefore = try directory.segmentBytes()
    await #expect(throws: EventLogError.self) { try await spool.append([sized(1), sized(2), sized(3)]) }
    #expect(spool.spoolStatistics() == before, "nothing of a refused append is kept")
    #expect(try directory.segmentBytes() == filesBefore)

    let records = await drain(spool, acknowledge: true)
    #expect(records.count == accepted)
    try await spool.append([sized(1), sized(2), sized(3)])
    let next = await spool.readAvailable(maxRecords: 10, maxBytes: 10_000)
    #expect(next.map(\.sequence) == [UInt64(accepted + 1), UInt64(accepted + 2), UInt64(accepted + 3)])
    #expect(spool.spoolStatistics().droppedRecords == 0)
}

@Test(arguments: tailCacheSizes)
func dropOldestDeletesTheOldestSegmentsAndCountsWhatWasUnread(tailCache: Int) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let logs = LogCapture()
    let configuration = withTailCache(tailCache, .init(maxSpoolBytes: 16 << 10, whenFull: .dropOldest))
    let spool = try openSpool(directory, configuration, logs: logs)
    for index in 1...500 { try await spool.append([sized(index)]) }
    let statistics = spool.spoolStatistics()
    #expect(statistics.bytesOnDisk <= 16 << 10)
    #expect(statistics.droppedRecords > 0)
    #expect(statistics.droppedRecords + statistics.log.unreadRecords == 500)
    #expect(statistics.droppedBytes == statistics.droppedRecords * 102)
    let logged = logs.entries.filter { $0.message.contains("dropped the oldest segment") }
        .compactMap { entry in entry.metadata["goff.dropped_records"].flatMap { Int("\($0)") } }
    #expect(logged.reduce(0, +) == statistics.droppedRecords)

    let records = await drain(spool, acknowledge: true)
    #expect(records.count == statistics.log.unreadRecords)
    #expect(records.first?.sequence == UInt64(statistics.droppedRecords + 1), "the oldest records went first")
    #expect(records.last?.sequence == 500)
    #expect(texts(records).last?.hasPrefix("500.") == true)
}

@Test(arguments: tailCacheSizes)
func dropOldestMayDeleteASegmentWhoseRecordsAreInFlight(tailCache: Int) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(
        directory, withTailCache(tailCache, .init(maxSpoolBytes: 16 << 10, whenFull: .dropOldest)))
    for index in 1...10 { try await spool.append([sized(index)]) }
    let held = await spool.readAvailable(maxRecords: 10, maxBytes: 1 << 20)
    for index in 11...400 { try await spool.append([sized(index)]) }
    let statistics = spool.spoolStatistics()
    #expect(statistics.log.pendingRecords == 10 + statistics.log.unreadRecords, "in-flight records stay pending")
    #expect(statistics.droppedRecords + statistics.log.unreadRecords == 390)
    await spool.acknowledge(held.map(\.sequence))
    _ = await drain(spool, acknowledge: true)
    #expect(await spool.statistics().pendingRecords == 0)
    #expect(await spool.statistics().pendingBytes == 0)
}

@Test func anAppendLargerThanTheCapIsTakenOnlyWhenNothingIsPending() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, .init(maxSpoolBytes: 16 << 10))
    let huge = record(String(repeating: "h", count: 20 << 10))
    try await spool.append([huge])
    await #expect(throws: EventLogError.self) { try await spool.append([huge]) }
    _ = await drain(spool, acknowledge: true)
    try await spool.append([huge])
    #expect(await drain(spool, acknowledge: true).map(\.sequence) == [2])
}
