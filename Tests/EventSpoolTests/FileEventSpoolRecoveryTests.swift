// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import Testing

@testable import EventSpool

/// Appends `count` records of 50 data bytes, one append each, and releases the spool.
private func fill(_ directory: TemporaryDirectory, count: Int, segmentBytes: Int = 64 << 20) async throws {
    let spool = try openSpool(directory, .init(segmentBytes: segmentBytes))
    for index in 1...count { try await spool.append([sized(index, size: 50)]) }
}

private let frame = frameBytes(dataBytes: 50)

@Test(arguments: [1, 5, frameBytes(dataBytes: 50) - 1])
func aTornTailIsCutAndEverythingBeforeItKept(cut: Int) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try await fill(directory, count: 10)
    let segment = try #require(try directory.segments().first)
    try cutTail(of: segment, bytes: cut)
    let logs = LogCapture()
    let spool = try openSpool(directory, logs: logs)
    #expect(try fileSize(segment) == 9 * frame)
    let records = await drain(spool, acknowledge: false)
    #expect(records.map(\.sequence) == Array(1...9))
    #expect(records.map(\.record) == (1...9).map { sized($0, size: 50) })
    let warning = try #require(logs.entries.first { $0.message.contains("tail cut") })
    #expect(warning.metadata["goff.bytes_dropped"] == .stringConvertible(frame - cut))
    try await spool.append([record("next")])
    #expect(await spool.readAvailable(maxRecords: 5, maxBytes: 1000).map(\.sequence) == [10])
}

@Test(arguments: [0, 4, 8, 30, frameBytes(dataBytes: 50) - 1])
func aFlippedByteInTheLastFrameIsCutAndEverythingBeforeItKept(offsetInFrame: Int) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try await fill(directory, count: 10)
    let segment = try #require(try directory.segments().first)
    try flipByte(in: segment, at: 9 * frame + offsetInFrame)
    let spool = try openSpool(directory)
    #expect(try fileSize(segment) == 9 * frame)
    #expect(await drain(spool, acknowledge: false).map(\.sequence) == Array(1...9))
}

@Test func aCorruptFrameInAnOlderSegmentCostsOnlyTheRestOfThatSegment() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try await fill(directory, count: 300, segmentBytes: 4096)
    let segments = try directory.segments()
    #expect(segments.count >= 3)
    let perSegment = 4096 / frame
    #expect(try fileSize(segments[0]) == perSegment * frame)
    try flipByte(in: segments[0], at: 10 * frame + 40)  // inside record 11's data

    let logs = LogCapture()
    let spool = try openSpool(directory, .init(segmentBytes: 4096), logs: logs)
    let expected = Array(1...10) + Array((perSegment + 1)...300)
    let records = await drain(spool, acknowledge: false)
    #expect(records.map(\.sequence) == expected.map(UInt64.init))
    #expect(try fileSize(segments[0]) == 10 * frame)
    #expect(logs.entries.contains { $0.level == .error && $0.message.contains("damaged spool segment") })
    await spool.acknowledge(records.map(\.sequence))
    #expect(spool.spoolStatistics().cursor == 301, "the lost sequences do not hold the cursor back")
    #expect(try directory.segments().count == 1)
}

@Test func aSegmentOfGarbageIsCutToNothingAndTheOthersAreKept() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try await fill(directory, count: 100, segmentBytes: 4096)
    let segments = try directory.segments()
    let secondFirst = try #require(UInt64(segments[1].split(separator: "-").last?.prefix(20) ?? ""))
    for offset in 0..<8 { try flipByte(in: segments[1], at: offset) }
    let spool = try openSpool(directory, .init(segmentBytes: 4096))
    let sequences = await drain(spool, acknowledge: false).map(\.sequence)
    #expect(sequences.first == 1)
    #expect(sequences.last == 100)
    #expect(!sequences.contains(secondFirst))
    #expect(sequences.contains(secondFirst - 1))
}

/// The record damaged on disk is read from disk: the cache is off, or holds only records 1...5 (the reader is
/// too far behind for the next ones to be cached).
@Test(arguments: [0, 5 * frameBytes(dataBytes: 50)])
func aDamagedFrameFoundWhileReadingEndsItsSegmentAndIsCounted(tailCache: Int) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let logs = LogCapture()
    let spool = try openSpool(directory, withTailCache(tailCache, .init(segmentBytes: 4096)), logs: logs)
    for index in 1...100 { try await spool.append([sized(index, size: 50)]) }
    let first = try #require(try directory.segments().first)
    let perSegment = 4096 / frame
    try flipByte(in: first, at: 5 * frame + 40)  // record 6, after the spool checked it
    let records = await drain(spool, acknowledge: true)
    #expect(records.map(\.sequence) == (Array(1...5) + Array((perSegment + 1)...100)).map(UInt64.init))
    let statistics = spool.spoolStatistics()
    #expect(statistics.lostRecords == perSegment - 5)
    #expect(statistics.log.pendingRecords == 0)
    #expect(statistics.cursor == 101)
    #expect(logs.entries.contains { $0.level == .error && $0.metadata["goff.lost_records"] != nil })
    #expect(spool.tailCacheHandedOut == (tailCache == 0 ? 0 : 5))
}

@Test func leftoversOfAnInterruptedCursorWriteAreIgnored() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try await fill(directory, count: 3)
    [UInt8](repeating: 7, count: 10).withUnsafeBytes { raw in
        let descriptor = open(directory.path + "/cursor.tmp", O_WRONLY | O_CREAT, 0o644)
        defer { close(descriptor) }
        #expect(write(descriptor, raw.baseAddress, raw.count) == 10)
    }
    let spool = try openSpool(directory)
    #expect(await drain(spool, acknowledge: false).count == 3)
}
