// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import EventSpool

@Test func closeRefusesAppendsLetsReadersDrainAndStopsTheSyncer() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    do {
        let spool = try openSpool(directory)
        try await spool.append([record("a"), record("b")])
        spool.close()
        do {
            try await spool.append([record("c")])
            Issue.record("append after close succeeded")
        } catch {
            #expect(error.code == .closed)
        }
        await spool.waitUntilSyncerStopped()
        #expect(!spool.isSyncerRunning)
        #expect(await spool.waitForRecords(timeout: nil) == .ready)
        let batch = await spool.readAvailable(maxRecords: 10, maxBytes: 100)
        #expect(texts(batch) == ["a", "b"])
        #expect(await spool.waitForRecords(timeout: nil) == .closed)
        await spool.acknowledge([1])  // acknowledgements still count after close
        spool.close()  // closing twice is harmless
    }
    let reopened = try openSpool(directory)
    #expect(await drain(reopened, acknowledge: false).map(\.sequence) == [2])
}

@Test func closeWakesAWaitingReader() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory)
    async let readiness = spool.waitForRecords(timeout: nil)
    try await Task.sleep(for: .milliseconds(20))
    spool.close()
    #expect(await readiness == .closed)
}

@Test func appendsInFlightWhenClosingStillCompleteTheirFlush() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory)
    let outcomes = await withTaskGroup(of: Bool.self) { group in
        for index in 0..<200 {
            group.addTask {
                do {
                    try await spool.append([sized(index, size: 10)])
                    return true
                } catch {
                    return false
                }
            }
        }
        group.addTask {
            spool.close()
            return false
        }
        var accepted = 0
        for await outcome in group where outcome { accepted += 1 }
        return accepted
    }
    await spool.waitUntilSyncerStopped()
    #expect(await spool.statistics().unreadRecords == outcomes, "every accepted append is readable")
    #expect(await drain(spool, acknowledge: false).count == outcomes)
    #expect(await spool.waitForRecords(timeout: nil) == .closed)
}
