// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import EventSpool

@Test func concurrentAppendersAreAllDurableAndReadExactlyOnceWithSharedFlushes() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let tasks = 50
    let perTask = 200
    do {
        let spool = try openSpool(directory)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for index in 0..<perTask { try await spool.append([record("\(task):\(index)")]) }
                }
            }
            try await group.waitForAll()
        }
        let appends = tasks * perTask
        #expect(spool.syncCount >= 1)
        #expect(spool.syncCount < appends, "group commit: one flush covers many appends")
        #expect(await spool.statistics().unreadRecords == appends)
        try checkExactlyOnce(await drain(spool, acknowledge: false), tasks: tasks, perTask: perTask)
    }
    // What the appends were told is durable is on disk: a new instance reads it all back.
    let reopened = try openSpool(directory)
    try checkExactlyOnce(await drain(reopened, acknowledge: false), tasks: tasks, perTask: perTask)
}

/// Every record once, sequences 1…n in order, and each task's records in the order it appended them.
private func checkExactlyOnce(_ records: [LoggedRecord], tasks: Int, perTask: Int) throws {
    #expect(records.map(\.sequence) == Array(1...UInt64(tasks * perTask)))
    var nextIndex = [Int](repeating: 0, count: tasks)
    for text in texts(records) {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        try #require(parts.count == 2)
        #expect(parts[1] == nextIndex[parts[0]], "task \(parts[0]) out of order")
        nextIndex[parts[0]] = parts[1] + 1
    }
    #expect(nextIndex == [Int](repeating: perTask, count: tasks))
}

@Test(arguments: tailCacheSizes)
func concurrentReadersAndAcknowledgersShareTheSpoolSafely(tailCache: Int) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, withTailCache(tailCache, .init(durability: .write, segmentBytes: 8192)))
    let total = 4000
    let seen = try await withThrowingTaskGroup(of: [UInt64].self) { group in
        group.addTask {
            for index in 0..<total { try await spool.append([sized(index, size: 40)]) }
            spool.close()
            return []
        }
        for _ in 0..<3 {
            group.addTask {
                var mine: [UInt64] = []
                while await spool.waitForRecords(timeout: nil) != .closed {
                    let batch = await spool.readAvailable(maxRecords: 37, maxBytes: 1 << 20)
                    mine += batch.map(\.sequence)
                    await spool.acknowledge(batch.map(\.sequence).reversed())
                }
                return mine
            }
        }
        var all: [UInt64] = []
        for try await part in group { all += part }
        return all
    }
    #expect(seen.sorted() == Array(1...UInt64(total)))
    #expect(await spool.statistics().pendingRecords == 0)
    #expect(try directory.segments().count == 1)
}
