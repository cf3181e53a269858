// SPDX-License-Identifier: Apache-2.0

import Synchronization

extension FileEventSpool {
    /// The size of one read from a segment (larger frames are read whole). It bounds the read buffer.
    static let readChunkBytes = 512 << 10

    /// Waits until a committed record is unread, the spool is closed and fully read, or `timeout` passes.
    public func waitForRecords(timeout: Duration?) async -> EventLogReadiness {
        await awaitReadiness(timeout: timeout, current: currentReadiness) { await self.waitForChange() }
    }

    private func currentReadiness() -> EventLogReadiness? {
        core.state.withLock { state in
            if state.hasReadableRecords { return .ready }
            return state.closed && state.unreadRecords == 0 ? .closed : nil
        }
    }

    private func waitForChange() async {
        let id = core.state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = core.state.withLock { state -> Bool in
                    if state.hasReadableRecords || (state.closed && state.unreadRecords == 0) || Task.isCancelled {
                        return true
                    }
                    state.readWaiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = core.state.withLock { $0.readWaiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }

    /// Returns, without waiting, up to `maxRecords` committed unread records in order, within `maxBytes`
    /// of ``ExportRecord/kinesisSize`` (the first one even if larger). Records still in the tail cache (see
    /// ``Configuration/tailCacheBytes``) are taken from memory; the others are read back from the segment
    /// files, and checked again: a frame that fails its checksum now (damaged disk) ends that segment,
    /// whose remaining records are counted as lost and logged.
    public func readAvailable(maxRecords: Int, maxBytes: Int) async -> [LoggedRecord] {
        readBuffer.withLock { buffer in
            var reader = SegmentReader(core: core, buffer: buffer, maxRecords: max(1, maxRecords), maxBytes: maxBytes)
            buffer = []  // the reader now holds the only reference: no copy on write
            let batch = reader.run()
            buffer = reader.buffer.count > Self.readChunkBytes ? [] : reader.buffer
            return batch
        }
    }
}

/// One ``FileEventSpool/readAvailable(maxRecords:maxBytes:)`` call: take what the tail cache holds under the
/// lock; for the rest, plan under the lock, read and check outside it, commit under it again (or start over
/// if the reader was moved meanwhile).
struct SegmentReader {
    let core: SpoolCore
    var buffer: [UInt8]
    let maxRecords: Int
    let maxBytes: Int
    private var batch: [LoggedRecord] = []
    private var batchBytes = 0
    /// The size the next read must reach to hold a whole frame.
    private var minimumRead = 0

    init(core: SpoolCore, buffer: [UInt8], maxRecords: Int, maxBytes: Int) {
        self.core = core
        self.buffer = buffer
        self.maxRecords = maxRecords
        self.maxBytes = maxBytes
    }

    /// Where the next records come from.
    private enum Next {
        /// Taken from the tail cache (the reader has moved already).
        case cached(CachedRead)
        /// To be read from a segment file.
        case disk(ReadPlan)
    }

    /// What parsing one read found.
    private struct Parsed {
        var consumed = 0
        var nextSequence: UInt64
        var records: [LoggedRecord] = []
        var read: [ReadRecord] = []
        var bytes = 0
        var full = false
        var damage: String?
    }

    mutating func run() -> [LoggedRecord] {
        reading: while batch.count < maxRecords {
            let next = core.state.withLock { state -> Next? in
                if let cached = state.takeFromTailCache(
                    taken: batch.count, takenBytes: batchBytes, maxRecords: maxRecords, maxBytes: maxBytes)
                {
                    return .cached(cached)
                }
                return state.planRead().map { .disk($0) }
            }
            let plan: ReadPlan
            switch next {
            case nil: break reading
            case .disk(let next): plan = next
            case .cached(let cached):
                if batch.isEmpty { batch = cached.records } else { batch += cached.records }
                batchBytes += cached.bytes
                if cached.full { break reading }
                continue reading
            }
            let parsed = readAndParse(plan)
            let effects = core.state.withLock { state -> SpoolEffects? in
                var effects = SpoolEffects()
                guard
                    state.commitRead(
                        plan, consumedBytes: parsed.consumed, nextSequence: parsed.nextSequence, records: parsed.read)
                else { return nil }
                if let damage = parsed.damage { state.abandonReaderSegment(reason: damage, effects: &effects) }
                return effects
            }
            guard let effects else { continue }  // the reader moved meanwhile: read again from where it is
            core.perform(effects)
            if batch.isEmpty { batch = parsed.records } else { batch += parsed.records }  // no copy on the first
            batchBytes += parsed.bytes
            if parsed.full { break }
        }
        return batch
    }

    private mutating func readAndParse(_ plan: ReadPlan) -> Parsed {
        var parsed = Parsed(nextSequence: plan.position.sequence)
        let room = min(maxRecords - batch.count, 256)  // a typical batch without regrowth; small when idle
        parsed.records.reserveCapacity(room)
        parsed.read.reserveCapacity(room)
        let available = plan.limit - plan.position.offset
        let wanted = min(available, max(FileEventSpool.readChunkBytes, minimumRead))
        minimumRead = 0
        let got: Int
        do {
            got = try FileIO.read(
                into: &buffer, count: wanted, from: plan.file.descriptor, at: plan.position.offset,
                path: plan.file.path)
        } catch {
            parsed.damage = error.description
            return parsed
        }
        if got < wanted {
            parsed.damage = "the file is shorter than its committed size"
            return parsed
        }
        buffer.withUnsafeBytes { raw in parse(UnsafeRawBufferPointer(rebasing: raw[0..<got]), plan, &parsed) }
        if parsed.consumed == 0 && parsed.damage == nil && !parsed.full {
            // The first frame is larger than this read: read it whole next time, if it can be whole.
            if minimumRead > available || minimumRead == 0 {
                parsed.damage = "a frame runs past the committed end of the segment"
            }
        }
        return parsed
    }

    private mutating func parse(_ bytes: UnsafeRawBufferPointer, _ plan: ReadPlan, _ parsed: inout Parsed) {
        while parsed.consumed < bytes.count {
            switch FrameCodec.inspect(bytes, at: parsed.consumed, expectedSequence: parsed.nextSequence) {
            case .frame(let info):
                if !plan.acknowledged.contains(info.sequence) {
                    let count = batch.count + parsed.records.count
                    let total = batchBytes + parsed.bytes + info.kinesisSize
                    if count >= maxRecords || (count > 0 && total > maxBytes) {
                        parsed.full = true
                        return
                    }
                    parsed.records.append(
                        LoggedRecord(
                            sequence: info.sequence, record: FrameCodec.record(bytes, at: parsed.consumed, info: info)))
                    parsed.read.append(
                        ReadRecord(
                            sequence: info.sequence, size: info.kinesisSize, acceptedAtNanos: info.acceptedAtNanos))
                    parsed.bytes += info.kinesisSize
                }
                parsed.consumed += info.frameBytes
                parsed.nextSequence += 1
            case .incomplete(let frameBytes):
                if parsed.consumed == 0 { minimumRead = frameBytes }
                return
            case .corrupt(let reason):
                parsed.damage = reason
                return
            }
        }
    }
}
