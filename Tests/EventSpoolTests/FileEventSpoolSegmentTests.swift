// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import EventSpool

@Test func segmentsRollOverAtTheirSizeAndAreNamedAfterTheirFirstSequence() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, .init(segmentBytes: 4096))
    for index in 1...100 { try await spool.append([sized(index)]) }
    let segments = try directory.segments()
    let perSegment = 4096 / frameBytes(dataBytes: 100)
    #expect(segments.count == (100 + perSegment - 1) / perSegment)
    #expect(segments[0].hasSuffix("/segment-00000000000000000001.log"))
    #expect(segments[1].hasSuffix("/segment-\(String(repeating: "0", count: 18))\(perSegment + 1).log"))
    for segment in segments.dropLast() { #expect(try fileSize(segment) <= 4096) }
    #expect(spool.spoolStatistics().segmentCount == segments.count)
    #expect(spool.spoolStatistics().bytesOnDisk == 100 * frameBytes(dataBytes: 100))
}

@Test func fullyAcknowledgedSegmentsAreDeletedEvenBehindAStuckRecord() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, .init(segmentBytes: 4096))
    for index in 1...100 { try await spool.append([sized(index)]) }
    let segments = try directory.segments()
    let records = await drain(spool, acknowledge: false)
    await spool.acknowledge(records.map(\.sequence).filter { $0 != 5 })
    #expect(try directory.segments() == [segments[0], segments[segments.count - 1]])
    #expect(spool.spoolStatistics().bytesOnDisk == (try directory.segmentBytes()))
    await spool.acknowledge([5])
    #expect(try directory.segments() == [segments[segments.count - 1]], "the active segment is kept")
    #expect(spool.spoolStatistics().bytesOnDisk == (try directory.segmentBytes()))
}

@Test func appendsNeverSplitAcrossSegments() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let spool = try openSpool(directory, .init(segmentBytes: 4096))
    for batch in 0..<20 { try await spool.append((0..<7).map { sized(batch * 7 + $0) }) }
    let frame = frameBytes(dataBytes: 100)
    for segment in try directory.segments() { #expect(try fileSize(segment) % (7 * frame) == 0) }
}
