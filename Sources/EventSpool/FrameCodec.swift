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
        var frames: [(offset: Int, partialChecksum: CRC32C)] = []
        frames.reserveCapacity(records.count)
        var kinesisBytes = 0
        // Written through a pointer into exactly `total` bytes: no growth checks, no per-field appends.
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var offset = 0
            for record in records {
                let body = bodyLength(of: record)
                let frame = UnsafeMutableRawBufferPointer(rebasing: raw[offset..<offset + headerBytes + body])
                frame.storeBytes(of: UInt32(body).littleEndian, toByteOffset: 0, as: UInt32.self)
                frame.storeBytes(of: UInt32(0), toByteOffset: 4, as: UInt32.self)
                frame.storeBytes(of: record.acceptedAtNanos.littleEndian, toByteOffset: 8, as: UInt64.self)
                var partitionKey = record.partitionKey
                var eventKey = record.eventKey
                var position = minimumBodyBytes
                partitionKey.withUTF8 { key in
                    frame.storeBytes(of: UInt32(key.count).littleEndian, toByteOffset: 16, as: UInt32.self)
                    copy(key, into: frame, at: &position)
                }
                eventKey.withUTF8 { key in
                    frame.storeBytes(of: UInt32(key.count).littleEndian, toByteOffset: 20, as: UInt32.self)
                    copy(key, into: frame, at: &position)
                }
                record.data.withUnsafeBufferPointer { copy($0, into: frame, at: &position) }
                frame.storeBytes(of: UInt64(0), toByteOffset: position, as: UInt64.self)
                var checksum = CRC32C()
                let framed = UnsafeBufferPointer(rebasing: buffer[offset..<offset + position])
                checksum.update(UnsafeBufferPointer(rebasing: framed[0..<4]))
                checksum.update(UnsafeBufferPointer(rebasing: framed[headerBytes...]))
                frames.append((offset, checksum))
                kinesisBytes += record.kinesisSize
                offset += headerBytes + body
            }
            initialized = offset
        }
        return EncodedBatch(bytes: bytes, frames: frames, kinesisBytes: kinesisBytes)
    }

    static func bodyLength(of record: ExportRecord) -> Int {
        minimumBodyBytes + record.partitionKey.utf8.count + record.eventKey.utf8.count + record.data.count
    }

    private static func copy(
        _ source: UnsafeBufferPointer<UInt8>, into frame: UnsafeMutableRawBufferPointer, at position: inout Int
    ) {
        UnsafeMutableRawBufferPointer(rebasing: frame[position..<position + source.count])
            .copyMemory(from: UnsafeRawBufferPointer(source))
        position += source.count
    }
}
