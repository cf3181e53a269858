// SPDX-License-Identifier: Apache-2.0

/// Reads a segment front to back at start-up and finds where its valid frames end.
///
/// The buffer is bounded by the larger of ``chunkBytes`` and the largest frame, whatever the file's size.
struct SegmentScanner {
    /// The read size.
    static let chunkBytes = 1 << 20

    /// What a scan found.
    struct Outcome: Sendable {
        /// Bytes of valid frames from the start; the file is cut here when shorter than `fileBytes`.
        var validBytes = 0
        /// The file's size before any cut.
        var fileBytes = 0
        /// The last valid record's sequence.
        var lastSequence: UInt64?
        /// Valid records that are not finished.
        var unfinishedRecords = 0
        /// Their summed ``ExportRecord/kinesisSize``.
        var unfinishedBytes = 0
        /// The offset and sequence of the first unfinished record.
        var firstUnfinished: (offset: Int, sequence: UInt64)?
        /// Why the valid frames end before the file does.
        var problem: String?
    }

    /// Scans `file`; `visit` is called with each unfinished record's sequence, in order.
    static func scan(
        _ file: SegmentFile, finished: AcknowledgedSet, visit: (UInt64) -> Void
    ) throws(SystemCallError) -> Outcome {
        var outcome = Outcome()
        outcome.fileBytes = try FileIO.size(file.descriptor, path: file.path)
        var buffer: [UInt8] = []
        var bufferStart = 0
        var bufferCount = 0
        var position = 0
        var expected = file.firstSequence
        while position < outcome.fileBytes {
            let inspection = buffer.withUnsafeBytes {
                FrameCodec.inspect(
                    UnsafeRawBufferPointer(rebasing: $0[0..<bufferCount]), at: position - bufferStart,
                    expectedSequence: expected)
            }
            switch inspection {
            case .frame(let info):
                if !finished.contains(info.sequence) {
                    if outcome.firstUnfinished == nil { outcome.firstUnfinished = (position, info.sequence) }
                    outcome.unfinishedRecords += 1
                    outcome.unfinishedBytes += info.kinesisSize
                    visit(info.sequence)
                }
                outcome.lastSequence = info.sequence
                position += info.frameBytes
                expected += 1
            case .incomplete(let frameBytes):
                let needed = max(frameBytes, FrameCodec.headerBytes)
                if position + needed > outcome.fileBytes {
                    outcome.problem = "torn frame: the file ends \(outcome.fileBytes - position) bytes into it"
                } else if position == bufferStart && bufferCount >= needed {
                    outcome.problem = "unreadable frame"
                } else {
                    let size = min(max(chunkBytes, needed), outcome.fileBytes - position)
                    bufferCount = try FileIO.read(
                        into: &buffer, count: size, from: file.descriptor, at: position, path: file.path)
                    bufferStart = position
                    if bufferCount < needed { outcome.problem = "the file shrank while being read" }
                }
            case .corrupt(let reason):
                outcome.problem = reason
            }
            if outcome.problem != nil { break }
        }
        outcome.validBytes = position
        return outcome
    }
}
