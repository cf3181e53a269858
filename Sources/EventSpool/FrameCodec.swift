// SPDX-License-Identifier: Apache-2.0

/// The on-disk frame of one record. All integers are little-endian.
///
/// ```
/// offset  size  field
///  0      4     body length L (the bytes after this 8-byte header)
///  4      4     CRC-32C over bytes 0..<4 followed by the L body bytes
///  8      8     accepted-at, nanoseconds of the monotonic clock
/// 16      4     partition key length P (UTF-8 bytes)
/// 20      4     event key length E (UTF-8 bytes)
/// 24      P     partition key
/// 24+P    E     event key
/// 24+P+E  D     data: the record payload, byte for byte (D = L - 24 - P - E)
/// 8+L-8   8     sequence
/// ```
///
/// The sequence comes last so that a batch can be encoded and most of each checksum computed outside the
/// spool's lock; under the lock only the sequence is written and the checksum finished over its 8 bytes.
/// A frame is valid only if its checksum matches, its lengths are consistent, and its sequence is the one
/// expected at its place (so neither zero-filled nor stale bytes can pass for a record).
enum FrameCodec {
    /// Header bytes before the body.
    static let headerBytes = 8
    /// The smallest body: accepted-at, two key lengths, sequence.
    static let minimumBodyBytes = 24
    /// The largest body the spool writes or believes (a guard against corrupt lengths).
    static let maximumBodyBytes = 1 << 30

    /// Frames encoded and not yet numbered.
    struct EncodedBatch: Sendable {
        /// Every frame, back to back.
        var bytes: [UInt8]
        /// Where each frame starts in `bytes`, with its checksum over everything but the sequence.
        var frames: [(offset: Int, partialChecksum: CRC32C)]
        /// The summed ``ExportRecord/kinesisSize`` of the records.
        var kinesisBytes: Int

        /// Numbers the frames `first`, `first + 1`, … and completes their checksums.
        mutating func seal(firstSequence first: UInt64) {
            bytes.withUnsafeMutableBytes { raw in
                for (index, frame) in frames.enumerated() {
                    let sequence = first + UInt64(index)
                    let bodyLength = Int(raw.loadUnaligned(fromByteOffset: frame.offset, as: UInt32.self).littleEndian)
                    let sequenceOffset = frame.offset + FrameCodec.headerBytes + bodyLength - 8
                    raw.storeBytes(of: sequence.littleEndian, toByteOffset: sequenceOffset, as: UInt64.self)
                    var checksum = frame.partialChecksum
                    checksum.update(littleEndian: sequence)
                    raw.storeBytes(of: checksum.value.littleEndian, toByteOffset: frame.offset + 4, as: UInt32.self)
                }
            }
        }
    }

    /// Encodes `records` into unnumbered frames.
    /// - Throws: ``EventLogError`` `.full` when a record is too large for a frame.
    static func encode(_ records: [ExportRecord]) throws(EventLogError) -> EncodedBatch {
        var total = 0
        for record in records {
            let body = bodyLength(of: record)
            guard body <= maximumBodyBytes else {
                throw EventLogError(
                    code: .full, message: "a record of \(record.data.count) bytes is too large to spool")
            }
            total += headerBytes + body
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(total)
        var frames: [(offset: Int, partialChecksum: CRC32C)] = []
        frames.reserveCapacity(records.count)
        var kinesisBytes = 0
        for record in records {
            let offset = bytes.count
            let body = bodyLength(of: record)
            append(UInt32(body), to: &bytes)
            append(UInt32(0), to: &bytes)
            append(record.acceptedAtNanos, to: &bytes)
            append(UInt32(record.partitionKey.utf8.count), to: &bytes)
            append(UInt32(record.eventKey.utf8.count), to: &bytes)
            bytes.append(contentsOf: record.partitionKey.utf8)
            bytes.append(contentsOf: record.eventKey.utf8)
            bytes.append(contentsOf: record.data)
            var checksum = CRC32C()
            bytes.withUnsafeBufferPointer { buffer in
                checksum.update(UnsafeBufferPointer(rebasing: buffer[offset..<offset + 4]))
                checksum.update(UnsafeBufferPointer(rebasing: buffer[(offset + headerBytes)...]))
            }
            append(UInt64(0), to: &bytes)
            frames.append((offset, checksum))
            kinesisBytes += record.kinesisSize
        }
        return EncodedBatch(bytes: bytes, frames: frames, kinesisBytes: kinesisBytes)
    }

    static func bodyLength(of record: ExportRecord) -> Int {
        minimumBodyBytes + record.partitionKey.utf8.count + record.eventKey.utf8.count + record.data.count
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
