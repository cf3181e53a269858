// SPDX-License-Identifier: Apache-2.0

import EventSpool
import Testing

private func record(_ text: String, key: String = "k") -> ExportRecord {
    ExportRecord(data: Array(text.utf8), partitionKey: key, eventKey: "flag")
}

@Test func readsInAppendOrderWithIncreasingSequences() async throws {
    let log = MemoryEventLog(capacityBytes: 1_000)
    try await log.append([record("a"), record("b")])
    try await log.append([record("c")])
    #expect(await log.waitForRecords(timeout: .zero) == .ready)
    let batch = await log.readAvailable(maxRecords: 10, maxBytes: 1_000)
    #expect(batch.map { String(decoding: $0.record.data, as: UTF8.self) } == ["a", "b", "c"])
    #expect(batch.map(\.sequence) == [1, 2, 3])
    #expect(await log.readAvailable(maxRecords: 10, maxBytes: 1_000).isEmpty)
}

@Test func respectsRecordAndByteLimitsButAlwaysReturnsTheFirstRecord() async throws {
    let log = MemoryEventLog(capacityBytes: 10_000)
    try await log.append([record(String(repeating: "x", count: 99)), record("yy"), record("zz"), record("ww")])
    let first = await log.readAvailable(maxRecords: 10, maxBytes: 10)
    #expect(first.count == 1, "an oversized head record is still handed out alone")
    let second = await log.readAvailable(maxRecords: 2, maxBytes: 1_000)
    #expect(second.count == 2)
    let third = await log.readAvailable(maxRecords: 5, maxBytes: 3)
    #expect(third.count == 1)
}

@Test func capacityIsHeldUntilAcknowledged() async throws {
    let log = MemoryEventLog(capacityBytes: 10)
    try await log.append([record("1234")])  // 4 + 1 bytes
    try await log.append([record("1234")])  // 10 bytes pending
    await #expect(throws: EventLogError.self) { try await log.append([record("x")]) }
    let batch = await log.readAvailable(maxRecords: 10, maxBytes: 100)
    await #expect(throws: EventLogError.self) { try await log.append([record("x")]) }
    await log.acknowledge([batch[0].sequence])
    try await log.append([record("x")])
    let stats = await log.statistics()
    #expect(stats.pendingBytes == 7)
    #expect(stats.pendingRecords == 2)
    #expect(stats.unreadRecords == 1)
}

@Test func fullErrorRejectsTheWholeAppend() async throws {
    let log = MemoryEventLog(capacityBytes: 6)
    try await log.append([record("ab")])
    do {
        try await log.append([record("c"), record("dddd")])
        Issue.record("append should have failed")
    } catch {
        #expect(error.code == .full)
    }
    #expect(await log.statistics().pendingRecords == 1)
}

@Test func waitTimesOutThenWakesOnAppend() async throws {
    let log = MemoryEventLog(capacityBytes: 100)
    #expect(await log.waitForRecords(timeout: .milliseconds(20)) == .timedOut)
    async let readiness = log.waitForRecords(timeout: nil)
    try await Task.sleep(for: .milliseconds(20))
    try await log.append([record("a")])
    #expect(await readiness == .ready)
}

@Test func closeRefusesAppendsAndReportsClosedOnceDrained() async throws {
    let log = MemoryEventLog(capacityBytes: 100)
    try await log.append([record("a")])
    log.close()
    await #expect(throws: EventLogError.self) { try await log.append([record("b")]) }
    #expect(await log.waitForRecords(timeout: nil) == .ready)
    _ = await log.readAvailable(maxRecords: 10, maxBytes: 100)
    #expect(await log.waitForRecords(timeout: nil) == .closed)
}

@Test func cancelledWaitReturns() async {
    let log = MemoryEventLog(capacityBytes: 100)
    let task = Task { await log.waitForRecords(timeout: nil) }
    task.cancel()
    #expect(await task.value == .timedOut)
}
