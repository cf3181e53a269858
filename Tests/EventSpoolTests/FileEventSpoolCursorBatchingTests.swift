// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import EventSpool

/// A spool whose cursor file is only written when the test forces it (or at close).
private let rarely = FileEventSpool.Configuration(cursorWriteInterval: .seconds(3600))

/// Copies the spool's files as they are now: what a `kill -9` at this moment would leave on disk.
private func crashImage(of directory: TemporaryDirectory) throws -> TemporaryDirectory {
    let image = try TemporaryDirectory()
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
        try FileManager.default.copyItem(atPath: directory.path + "/" + name, toPath: image.path + "/" + name)
    }
    return image
}

private func storedCursor(_ directory: TemporaryDirectory) throws -> AcknowledgedSet? {
    guard case .valid(let set) = try CursorFile(directory: directory.path).load() else { return nil }
    return set
}

@Test(arguments: FileEventSpool.Durability.allCases)
func acknowledgementsAreBatchedInMemoryAndStoredAtClose(durability: FileEventSpool.Durability) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    var configuration = rarely
    configuration.durability = durability
    do {
        let spool = try openSpool(directory, configuration)
        try await spool.append((1...50).map { sized($0, size: 10) })
        let batch = await spool.readAvailable(maxRecords: 50, maxBytes: 1 << 20)
        #expect(batch.count == 50)
        await spool.acknowledge(Array(1...20))
        await spool.acknowledge(Array(21...40))
        #expect(spool.spoolStatistics().cursor == 41, "in memory at once")
        #expect(try storedCursor(directory)?.cursor == 1, "the file waits for the interval")
        spool.close()
        #expect(try storedCursor(directory)?.cursor == 41, "close stores it")
    }
    let reopened = try openSpool(directory, configuration)
    #expect(await drain(reopened, acknowledge: false).map(\.sequence) == Array(41...50))
}

@Test func aCrashBeforeTheDelayedStoreReDeliversASupersetNeverFewer() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let unacknowledged = Array(61...100).map(UInt64.init)
    do {
        let spool = try openSpool(directory, rarely)
        try await spool.append((1...100).map { sized($0, size: 10) })
        _ = await spool.readAvailable(maxRecords: 100, maxBytes: 1 << 20)
        await spool.acknowledge(Array(1...30))
        spool.core.storeCursor()  // the delayed store runs
        await spool.acknowledge(Array(31...60).shuffled())  // and the process dies before the next one
        let image = try crashImage(of: directory)
        defer { image.remove() }

        let recovered = try openSpool(image, rarely)
        let again = await drain(recovered, acknowledge: false).map(\.sequence)
        #expect(Set(again).isSuperset(of: unacknowledged), "no unacknowledged record is lost")
        #expect(again == Array(31...100), "only what the stored cursor did not cover comes again, in order")
        _ = spool
    }
    let reopened = try openSpool(directory, rarely)
    #expect(await drain(reopened, acknowledge: false).map(\.sequence) == unacknowledged, "a clean close loses none")
}

@Test func aCrashImageWithAnUnreadableCursorStillLosesNothing() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, rarely)
    try await spool.append((1...20).map { sized($0, size: 10) })
    _ = await spool.readAvailable(maxRecords: 20, maxBytes: 1 << 20)
    await spool.acknowledge(Array(1...10))
    spool.core.storeCursor()
    let image = try crashImage(of: directory)
    defer { image.remove() }
    try cutTail(of: image.path + "/cursor", bytes: 3)  // torn cursor write
    let recovered = try openSpool(image, rarely)
    #expect(await drain(recovered, acknowledge: false).map(\.sequence) == Array(1...20))
}

@Test func acknowledgementsAfterCloseAreStoredBeforeAcknowledgeReturns() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, rarely)
    try await spool.append((1...5).map { sized($0, size: 10) })
    _ = await spool.readAvailable(maxRecords: 5, maxBytes: 1 << 20)
    spool.close()
    await spool.acknowledge([1, 2])
    #expect(try storedCursor(directory)?.cursor == 3)
    await spool.acknowledge([4])
    #expect(try storedCursor(directory) == AcknowledgedSet(cursor: 3, ranges: [4...4]))
}

@Test func aZeroIntervalStoresEveryAcknowledgement() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, FileEventSpool.Configuration(durability: .write, cursorWriteInterval: .zero))
    try await spool.append((1...5).map { sized($0, size: 10) })
    _ = await spool.readAvailable(maxRecords: 5, maxBytes: 1 << 20)
    await spool.acknowledge([1])
    #expect(try storedCursor(directory)?.cursor == 2)
    await spool.acknowledge([2, 3])
    #expect(try storedCursor(directory)?.cursor == 4)
}

@Test func theDelayedStoreHappensWithoutFurtherActivity() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let configuration = FileEventSpool.Configuration(durability: .write, cursorWriteInterval: .milliseconds(20))
    let spool = try openSpool(directory, configuration)
    try await spool.append((1...5).map { sized($0, size: 10) })
    _ = await spool.readAvailable(maxRecords: 5, maxBytes: 1 << 20)
    await spool.acknowledge([1, 2, 3])
    // Eventually, not within a time: poll with a generous bound so a slow machine cannot fail it.
    var stored = try storedCursor(directory)?.cursor
    for _ in 0..<1_000 where stored != 4 {
        try await Task.sleep(for: .milliseconds(10))
        stored = try storedCursor(directory)?.cursor
    }
    #expect(stored == 4)
    _ = spool
}
