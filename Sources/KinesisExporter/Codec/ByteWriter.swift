// SPDX-License-Identifier: Apache-2.0

/// Writes bytes through a raw pointer into a buffer sized beforehand: no bounds growth, no per-byte append.
///
/// The caller guarantees the buffer holds every byte written (the sizes come from ``Base64/encodedLength(_:)``
/// and ``JSONText/encodedLength(_:)``); every write is range-checked all the same
/// (once per field or escape, not per byte: the base64 loop writes inside one checked range).
struct ByteWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// Bytes written so far.
    private(set) var count = 0

    /// A writer at the start of `buffer`.
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Writes one byte.
    @inline(__always)
    mutating func write(_ byte: UInt8) {
        precondition(count < buffer.count, "ByteWriter: write past the sized buffer")
        buffer[count] = byte
        count &+= 1
    }

    /// Writes the UTF-8 bytes of a literal.
    @inline(__always)
    mutating func write(_ text: StaticString) {
        let length = text.utf8CodeUnitCount
        destination(length).initialize(from: text.utf8Start, count: length)
        count &+= length
    }

    /// Writes the bytes of `buffer`.
    @inline(__always)
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        destination(bytes.count).initialize(from: source, count: bytes.count)
        count &+= bytes.count
    }

    /// Writes `value` as a quoted, escaped JSON string (``JSONText/encodedLength(_:)`` bytes).
    mutating func writeJSONString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt8(ascii: "\""))
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard JSONText.needsEscape(byte) else { continue }
                write(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                JSONText.writeEscape(byte, to: &self)
                start = index + 1
            }
            write(UnsafeBufferPointer(rebasing: utf8[start...]))
            write(UInt8(ascii: "\""))
        }
    }

    /// Writes the base64 encoding of `input` (``Base64/encodedLength(_:)`` bytes), 3 bytes to 4 per step.
    mutating func writeBase64(_ input: UnsafeBufferPointer<UInt8>) {
        let length = Base64.encodedLength(input.count)
        guard length > 0 else { return }
        Base64.encode(input, into: destination(length))
        count &+= length
    }

    /// The start of the next `length` bytes, checked to lie inside the buffer.
    @inline(__always)
    private func destination(_ length: Int) -> UnsafeMutablePointer<UInt8> {
        precondition(count + length <= buffer.count, "ByteWriter: write past the sized buffer")
        // A non-empty slice of a buffer always has a base address.
        return UnsafeMutableBufferPointer(rebasing: buffer[count..<count + length]).baseAddress.unsafelyUnwrapped
    }
}
