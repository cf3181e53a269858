// SPDX-License-Identifier: Apache-2.0

/// A tiny JSON text builder on a byte array, for responses (hot path: PutRecords results).
struct JSONOutput {
    /// The JSON text written so far.
    private(set) var bytes: [UInt8] = []

    /// Creates an empty builder with room for `capacity` bytes.
    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends JSON syntax or any text that needs no escaping.
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends one byte of syntax.
    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// Appends a quoted, escaped JSON string.
    mutating func string(_ text: String) {
        string(utf8: text.utf8)
    }

    /// Appends a quoted, escaped JSON string from UTF-8 bytes.
    mutating func string(utf8: some Sequence<UInt8>) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `"key":` (the key must need no escaping).
    mutating func key(_ name: String) {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// Appends a decimal integer.
    mutating func integer(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Appends a number with up to 6 decimals, as JSON (no NaN/infinity: those become 0).
    mutating func number(_ value: Double) {
        guard value.isFinite else {
            raw("0")
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int64(value))
        } else {
            raw(String(value))
        }
    }

    /// Appends `true` or `false`.
    mutating func bool(_ value: Bool) {
        raw(value ? "true" : "false")
    }

    /// Appends a decimal integer left-padded with zeros to `width` digits (more digits if needed).
    mutating func paddedInteger(_ value: UInt64, width: Int) {
        var digitCount = 1
        var rest = value / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(width, digitCount)))
        var index = bytes.count
        rest = value
        while rest > 0 && index > start {
            index -= 1
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    /// Appends bytes as they are.
    mutating func append(_ fragment: [UInt8]) {
        bytes.append(contentsOf: fragment)
    }
}
