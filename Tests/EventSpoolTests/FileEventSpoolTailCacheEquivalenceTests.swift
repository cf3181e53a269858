// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import EventSpool

/// A small deterministic generator (SplitMix64), so a scripted run can be replayed exactly.
private struct ScriptRandom {
    var state: UInt64

    mutating func next(_ range: ClosedRange<Int>) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        return range.lowerBound + Int(mixed % UInt64(range.count))
    }
}

/// What one scripted run saw: every batch read, and the counters at the end.
private struct ScriptOutcome: Equatable {
    var batches: [[LoggedRecord]] = []
    var droppedRecords = 0
    var pendingRecords = 0
    var cursor: UInt64 = 0
    var segments = 0
    /// Not compared: how many records came from the cache.
    var fromCache = 0

    static func == (left: Self, right: Self) -> Bool {
        (left.batches, left.droppedRecords, left.pendingRecords, left.cursor, left.segments)
            == (right.batches, right.droppedRecords, right.pendingRecords, right.cursor, right.segments)
    }
}

/// Interleaves appends of 1 to 30 records of 1 to 400 bytes, reads with varied limits, and acknowledgements
/// of varied subsets in varied order, over small segments (so they roll over and are deleted).
private func runScript(
    seed: UInt64, tailCache: Int, durability: FileEventSpool.Durability, whenFull: FileEventSpool.WhenFull,
    steps: Int = 300
) async throws -> ScriptOutcome {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let configuration = withTailCache(
        tailCache,
        .init(durability: durability, maxSpoolBytes: 64 << 10, whenFull: whenFull, segmentBytes: 8 << 10))
    let spool = try openSpool(directory, configuration)
    var random = ScriptRandom(state: seed)
    var outcome = ScriptOutcome()
    var inFlight: [UInt64] = []
    var counter = 0
    for _ in 0..<steps {
        switch random.next(0...9) {
        case 0...3:
            let records = (0..<random.next(1...30)).map { _ in
                counter += 1
                return sized(counter, size: random.next(1...400))
            }
            do { try await spool.append(records) } catch { #expect(whenFull == .reject && error.code == .full) }
        case 4...6:
            let batch = await spool.readAvailable(maxRecords: random.next(1...60), maxBytes: random.next(1...8000))
            outcome.batches.append(batch)
            inFlight += batch.map(\.sequence)
        default:
            let take = random.next(0...inFlight.count)
            let chosen = Array(inFlight.prefix(take)).shuffled()
            inFlight.removeFirst(take)
            await spool.acknowledge(chosen)
        }
    }
    while true {
        let batch = await spool.readAvailable(maxRecords: 50, maxBytes: 1 << 20)
        if batch.isEmpty { break }
        outcome.batches.append(batch)
    }
    let statistics = spool.spoolStatistics()
    outcome.droppedRecords = statistics.droppedRecords
    outcome.pendingRecords = statistics.log.pendingRecords
    outcome.cursor = statistics.cursor
    outcome.segments = statistics.segmentCount
    outcome.fromCache = spool.tailCacheHandedOut
    return outcome
}

@Test(arguments: [FileEventSpool.Durability.write, .fsync], [FileEventSpool.WhenFull.reject, .dropOldest])
func theCacheHandsOutExactlyTheBatchesTheDiskDoes(
    durability: FileEventSpool.Durability, whenFull: FileEventSpool.WhenFull
) async throws {
    for seed: UInt64 in [1, 2, 3] {
        let fromDisk = try await runScript(seed: seed, tailCache: 0, durability: durability, whenFull: whenFull)
        let sequences = fromDisk.batches.flatMap { $0.map(\.sequence) }
        #expect(sequences.count > 500, "the script reads a fair amount")
        #expect(zip(sequences, sequences.dropFirst()).allSatisfy { $0 < $1 }, "in order, never twice")
        #expect(fromDisk.fromCache == 0)
        for tailCache in [8 << 20, 30_000, 10_000, 3000, 300] {
            let cached = try await runScript(
                seed: seed, tailCache: tailCache, durability: durability, whenFull: whenFull)
            #expect(cached == fromDisk, "seed \(seed), cache \(tailCache)")
            switch tailCache {
            case 8 << 20: #expect(cached.fromCache == sequences.count, "seed \(seed): nothing read back from disk")
            case 10_000...: #expect((1..<sequences.count).contains(cached.fromCache), "seed \(seed): both paths used")
            default: break  // the reader lags more than the cache holds: (almost) everything comes from disk
            }
        }
    }
}
