// SPDX-License-Identifier: Apache-2.0

import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Start-up: rebuilds a ``SpoolState`` from the segment files and the cursor file.
///
/// - Every frame is checked. The first bad frame of a segment (torn by a crash, or corrupted) and
///   everything after it in that segment is cut off; everything before it is kept, and later segments are
///   still read. A torn tail of the last segment is the normal trace of a crash during a write (those
///   records were never acknowledged to a client); a bad frame anywhere else is logged as an error.
/// - The next sequence is above every record found and every sequence the cursor file finished, so a
///   sequence is never reused for a different record while a finished mark could still cover it.
/// - Records below the cursor or inside a finished range are not handed out again; segments holding only
///   finished records are deleted.
struct SpoolRecovery {
    let directory: String
    let configuration: FileEventSpool.Configuration
    let logger: Logger

    private struct Found {
        var file: SegmentFile
        var outcome: SegmentScanner.Outcome
    }

    /// Scans the directory, repairs it, and returns the state to start from.
    func recover() throws(SystemCallError) -> SpoolState {
        let previous = loadCursor()
        let names = try FileIO.names(in: directory)
        if names.contains("cursor.tmp") { _ = try? removeFile(directory + "/cursor.tmp") }
        var found: [Found] = []
        var tracker = UnfinishedTracker()
        var directoryChanged = false
        let firsts = names.compactMap(SegmentFile.firstSequence(fromName:)).sorted()
        for (position, first) in firsts.enumerated() {
            if let last = found.last, first <= last.outcome.lastSequence ?? last.file.firstSequence {
                logger.error(
                    "spool segment overlaps the previous one; left untouched and ignored",
                    metadata: ["goff.segment": .string(SegmentFile.name(firstSequence: first))])
                continue
            }
            let file = try SegmentFile.open(directory: directory, firstSequence: first)
            let outcome = try SegmentScanner.scan(file, finished: previous) { tracker.visit($0) }
            if let problem = outcome.problem {
                try FileIO.truncate(file.descriptor, to: outcome.validBytes, path: file.path)
                directoryChanged = true
                logCut(file: file, outcome: outcome, problem: problem, isLast: position == firsts.count - 1)
            }
            found.append(Found(file: file, outcome: outcome))
        }
        var nextSequence = max(previous.cursor, (previous.highestFinished ?? 0) + 1)
        for segment in found {
            nextSequence = max(nextSequence, segment.outcome.lastSequence.map { $0 + 1 } ?? segment.file.firstSequence)
        }
        let finished = tracker.finished(nextSequence: nextSequence)
        var segments = found.map { segment in
            SegmentState(
                file: segment.file, bytes: segment.outcome.validBytes, committedBytes: segment.outcome.validBytes,
                lastSequence: segment.outcome.lastSequence, unreadRecords: segment.outcome.unfinishedRecords,
                unreadBytes: segment.outcome.unfinishedBytes)
        }
        let reusable = segments.last.map { ($0.lastSequence.map { $0 + 1 } ?? $0.first) == nextSequence } ?? false
        if !reusable {
            let file = try SegmentFile.create(directory: directory, firstSequence: nextSequence)
            segments.append(
                SegmentState(
                    file: file, bytes: 0, committedBytes: 0, lastSequence: nil, unreadRecords: 0, unreadBytes: 0))
            directoryChanged = true
        }
        // Only finished records (or none) remain in these: delete them.
        var kept: [SegmentState] = []
        var firstUnfinished: [UInt64: (offset: Int, sequence: UInt64)] = [:]
        for segment in found { firstUnfinished[segment.file.firstSequence] = segment.outcome.firstUnfinished }
        for (index, segment) in segments.enumerated() {
            if index < segments.count - 1 && segment.unreadRecords == 0 {
                try segment.file.unlink()
                directoryChanged = true
            } else {
                kept.append(segment)
            }
        }
        segments = kept
        if directoryChanged && configuration.durability == .fsync { try FileIO.syncDirectory(directory) }
        return makeState(
            segments: segments, finished: finished, nextSequence: nextSequence, firstUnfinished: firstUnfinished)
    }

    private func makeState(
        segments: [SegmentState], finished: AcknowledgedSet, nextSequence: UInt64,
        firstUnfinished: [UInt64: (offset: Int, sequence: UInt64)]
    ) -> SpoolState {
        var reader: ReaderPosition
        if let start = segments.first(where: { $0.unreadRecords > 0 }),
            let position = firstUnfinished[start.first]
        {
            reader = ReaderPosition(segment: start.first, offset: position.offset, sequence: position.sequence)
        } else {
            let active = segments[segments.count - 1]
            reader = ReaderPosition(segment: active.first, offset: active.bytes, sequence: nextSequence)
        }
        let state = SpoolState(
            directory: directory, configuration: configuration, segments: segments, acknowledged: finished,
            nextSequence: nextSequence, committedSequence: nextSequence - 1, reader: reader,
            unreadRecords: segments.reduce(0) { $0 + $1.unreadRecords },
            unreadBytes: segments.reduce(0) { $0 + $1.unreadBytes },
            bytesOnDisk: segments.reduce(0) { $0 + $1.bytes }, lostRecords: 0,
            tailCache: TailCache(capacity: configuration.tailCacheBytes))
        logger.info(
            "spool opened",
            metadata: [
                "goff.spool_dir": .string(directory), "goff.segments": .stringConvertible(segments.count),
                "goff.pending_records": .stringConvertible(state.unreadRecords),
                "goff.cursor": .stringConvertible(finished.cursor),
                "goff.next_sequence": .stringConvertible(nextSequence),
            ])
        return state
    }

    private func loadCursor() -> AcknowledgedSet {
        let file = CursorFile(directory: directory)
        do {
            switch try file.load() {
            case .valid(let set): return set
            case .missing: return AcknowledgedSet()
            case .unreadable:
                logger.warning(
                    "spool cursor file is unreadable: every record still on disk will be sent again",
                    metadata: ["goff.path": .string(file.path)])
            }
        } catch {
            logger.warning(
                "spool cursor file could not be read: every record still on disk will be sent again",
                metadata: ["goff.path": .string(file.path), "goff.reason": .string(error.description)])
        }
        return AcknowledgedSet()
    }

    private func logCut(file: SegmentFile, outcome: SegmentScanner.Outcome, problem: String, isLast: Bool) {
        let metadata: Logger.Metadata = [
            "goff.segment": .string(file.path), "goff.offset": .stringConvertible(outcome.validBytes),
            "goff.bytes_dropped": .stringConvertible(outcome.fileBytes - outcome.validBytes),
            "goff.reason": .string(problem),
        ]
        if isLast {
            // A write the crash interrupted: its records were never acknowledged to a client.
            logger.warning("spool tail cut at its first bad frame; every record before it is kept", metadata: metadata)
        } else {
            logger.error(
                "damaged spool segment cut at its first bad frame: the records after it in this segment are lost",
                metadata: metadata)
        }
    }
}

private func removeFile(_ path: String) throws(SystemCallError) {
    if unlink(path) != 0 && errno != ENOENT { throw SystemCallError("unlink", path: path) }
}
