// SPDX-License-Identifier: Apache-2.0

extension FrameCodec {
    /// A valid frame's fixed fields, read without copying its keys or data.
    struct FrameInfo: Sendable, Equatable {
        /// The record's sequence.
        var sequence: UInt64
        /// The record's accepted-at stamp.
        var acceptedAtNanos: UInt64
        /// Header plus body bytes.
        var frameBytes: Int
        /// Data plus partition key bytes, as ``ExportRecord/kinesisSize``.
        var kinesisSize: Int
    }

    /// What the bytes at some offset hold.
    enum Inspection: Sendable, Equatable {
        /// A whole, valid frame.
        case frame(FrameInfo)
        /// The bytes end before the frame does; `frameBytes` is its claimed size (0 while even the header is
        /// cut). At the end of a file this is a torn write.
        case incomplete(frameBytes: Int)
        /// Not a frame: a bad length, checksum, key lengths, or an unexpected sequence.
        case corrupt(String)
    }

    /// Checks the frame that starts at `offset` in `buffer` and should carry `expectedSequence`
    /// (`nil` accepts any sequence).
    static func inspect(_ buffer: UnsafeRawBufferPointer, at offset: Int, expectedSequence: UInt64?) -> Inspection {
        let available = buffer.count - offset
        guard available >= headerBytes else { return .incomplete(frameBytes: 0) }
        let body = Int(buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
        guard body >= minimumBodyBytes, body <= maximumBodyBytes else {
            return .corrupt("impossible frame length \(body)")
        }
        guard available >= headerBytes + body else { return .incomplete(frameBytes: headerBytes + body) }
        let stored = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self).littleEndian
        var checksum = CRC32C()
        let bytes = buffer.bindMemory(to: UInt8.self)
        checksum.update(UnsafeBufferPointer(rebasing: bytes[offset..<offset + 4]))
        checksum.update(UnsafeBufferPointer(rebasing: bytes[offset + headerBytes..<offset + headerBytes + body]))
        guard checksum.value == stored else { return .corrupt("checksum mismatch") }
        let keys = keyLengths(buffer, at: offset)
        guard keys.partition + keys.event <= body - minimumBodyBytes else {
            return .corrupt("key lengths exceed the frame")
        }
        let sequence = buffer.loadUnaligned(fromByteOffset: offset + headerBytes + body - 8, as: UInt64.self)
            .littleEndian
        if let expectedSequence, sequence != expectedSequence {
            return .corrupt("sequence \(sequence) where \(expectedSequence) was expected")
        }
        let dataBytes = body - minimumBodyBytes - keys.partition - keys.event
        return .frame(
            FrameInfo(
                sequence: sequence,
                acceptedAtNanos: buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self).littleEndian,
                frameBytes: headerBytes + body,
                kinesisSize: dataBytes + keys.partition))
    }

    /// Copies the record out of a frame that ``inspect(_:at:expectedSequence:)`` found valid.
    static func record(_ buffer: UnsafeRawBufferPointer, at offset: Int, info: FrameInfo) -> ExportRecord {
        let keys = keyLengths(buffer, at: offset)
        let bytes = buffer.bindMemory(to: UInt8.self)
        let keyStart = offset + minimumBodyBytes
        let eventStart = keyStart + keys.partition
        let dataStart = eventStart + keys.event
        let end = offset + info.frameBytes - 8
        return ExportRecord(
            data: Array(bytes[dataStart..<end]),
            partitionKey: String(decoding: bytes[keyStart..<eventStart], as: UTF8.self),
            eventKey: String(decoding: bytes[eventStart..<dataStart], as: UTF8.self),
            acceptedAtNanos: info.acceptedAtNanos)
    }

    private static func keyLengths(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> (partition: Int, event: Int) {
        (
            Int(buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt32.self).littleEndian),
            Int(buffer.loadUnaligned(fromByteOffset: offset + 20, as: UInt32.self).littleEndian)
        )
    }
}
