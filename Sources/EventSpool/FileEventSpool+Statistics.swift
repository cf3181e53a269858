// SPDX-License-Identifier: Apache-2.0

import Synchronization

extension FileEventSpool {
    /// A snapshot of a spool's counters, for status and metrics.
    public struct Statistics: Sendable, Equatable {
        /// The ``EventLog`` counters. `capacityBytes` is ``Configuration/maxSpoolBytes``, which bounds
        /// ``bytesOnDisk`` (frames included), while `pendingBytes` counts record bytes as Kinesis does.
        public var log: EventLogStatistics
        /// Unread records deleted to make room (``WhenFull/dropOldest``) since the spool was opened.
        public var droppedRecords: Int
        /// Their summed ``ExportRecord/kinesisSize``.
        public var droppedBytes: Int
        /// Records found damaged when read back (bad checksum) and given up, since the spool was opened.
        public var lostRecords: Int
        /// The size of every segment file.
        public var bytesOnDisk: Int
        /// The number of segment files.
        public var segmentCount: Int
        /// The accepted-at stamp of the oldest unfinished record (in flight or next to read), for lag
        /// metrics; `nil` when nothing is pending. It is a monotonic-clock reading: after a reboot, records
        /// spooled before it carry readings of the previous boot.
        public var oldestPendingAcceptedAtNanos: UInt64?
        /// The lowest unfinished sequence (the cursor).
        public var cursor: UInt64
        /// Why appends are refused for good, after a failed flush; `nil` while healthy.
        public var failure: String?
    }

    /// The spool's counters.
    public func statistics() async -> EventLogStatistics {
        core.state.withLock { state in
            EventLogStatistics(
                pendingRecords: state.pendingRecords, pendingBytes: state.unreadBytes + state.inFlightBytes,
                unreadRecords: state.unreadRecords, capacityBytes: configuration.maxSpoolBytes)
        }
    }

    /// The spool's counters, with the ones only a file spool has.
    public func spoolStatistics() -> Statistics {
        let (snapshot, next) = core.state.withLock { state in
            let oldestInFlight = state.inFlight.values.lazy.map(\.acceptedAtNanos).min()
            let statistics = Statistics(
                log: EventLogStatistics(
                    pendingRecords: state.pendingRecords, pendingBytes: state.unreadBytes + state.inFlightBytes,
                    unreadRecords: state.unreadRecords, capacityBytes: configuration.maxSpoolBytes),
                droppedRecords: state.droppedRecords, droppedBytes: state.droppedBytes, lostRecords: state.lostRecords,
                bytesOnDisk: state.bytesOnDisk, segmentCount: state.segments.count,
                oldestPendingAcceptedAtNanos: oldestInFlight, cursor: state.acknowledged.cursor,
                failure: state.failure?.message)
            return (statistics, state.unreadRecords > 0 ? state.nextUnreadFrame() : nil)
        }
        guard let next, let unreadStamp = Self.acceptedAt(next.file, offset: next.offset) else { return snapshot }
        var statistics = snapshot
        statistics.oldestPendingAcceptedAtNanos = min(snapshot.oldestPendingAcceptedAtNanos ?? .max, unreadStamp)
        return statistics
    }

    /// Reads the accepted-at field of the frame at `offset`.
    private static func acceptedAt(_ file: SegmentFile, offset: Int) -> UInt64? {
        var bytes: [UInt8] = []
        let read = try? FileIO.read(into: &bytes, count: 16, from: file.descriptor, at: offset, path: file.path)
        guard read == 16 else { return nil }
        return bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
    }
}

extension SpoolState {
    /// The segment and offset of the frame the reader will look at next (possibly a finished one).
    func nextUnreadFrame() -> (file: SegmentFile, offset: Int)? {
        guard var index = index(ofSegment: reader.segment) else { return nil }
        var offset = reader.offset
        while offset >= segments[index].bytes {
            index += 1
            guard index < segments.count else { return nil }
            offset = 0
        }
        return (segments[index].file, offset)
    }
}
