// SPDX-License-Identifier: Apache-2.0

/// JSON string literals (RFC 8259) for the small identifiers of a PutRecords body.
enum JSONText {
    private static let hex: StaticString = "0123456789abcdef"

    /// Whether `byte` is written escaped: `"`, `\` and the control characters.
    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The length of `value` written by ``ByteWriter/writeJSONString(_:)``, quotes included.
    static func encodedLength(_ value: String) -> Int {
        var length = 2
        for byte in value.utf8 {
            length &+= byte < 0x20 ? 6 : (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") ? 2 : 1)
        }
        return length
    }

    /// Writes the escape sequence of a byte for which ``needsEscape(_:)`` holds.
    static func writeEscape(_ byte: UInt8, to writer: inout ByteWriter) {
        switch byte {
        case UInt8(ascii: "\""): writer.write("\\\"")
        case UInt8(ascii: "\\"): writer.write("\\\\")
        default:
            writer.write("\\u00")
            writer.write(hex.utf8Start[Int(byte >> 4)])
            writer.write(hex.utf8Start[Int(byte & 15)])
        }
    }
}
