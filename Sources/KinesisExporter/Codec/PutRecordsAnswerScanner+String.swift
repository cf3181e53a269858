// SPDX-License-Identifier: Apache-2.0

import Events

extension PutRecordsAnswerScanner {
    /// Where a string's unescaped bytes are.
    enum StringToken {
        /// In the body, in this range: the string has no escapes.
        case body(Range<Int>)
        /// In `scratch`, until the next string is read.
        case scratch
    }

    /// Calls `body` with the unescaped UTF-8 bytes of `token`.
    func withBytes<T>(of token: StringToken, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        switch token {
        case .body(let range): body(UnsafeBufferPointer(rebasing: bytes[range]))
        case .scratch: scratch.withUnsafeBufferPointer(body)
        }
    }

    /// Reads a string literal.
    mutating func scanString() throws(Malformed) -> StringToken {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return .body(start..<index - 1)
            }
            if byte == UInt8(ascii: "\\") { return try scanEscapedString(from: start) }
            guard byte >= 0x20 else { throw Malformed() }
            index += 1
        }
        throw Malformed()
    }

    /// Continues a string at its first backslash, unescaping into `scratch`.
    private mutating func scanEscapedString(from start: Int) throws(Malformed) -> StringToken {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while true {
            let byte = try next()
            switch byte {
            case UInt8(ascii: "\""): return .scratch
            case UInt8(ascii: "\\"): try scanEscape()
            case 0..<0x20: throw Malformed()
            default: scratch.append(byte)
            }
        }
    }

    private mutating func scanEscape() throws(Malformed) {
        switch try next() {
        case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try scanHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard try next() == UInt8(ascii: "\\"), try next() == UInt8(ascii: "u") else { throw Malformed() }
                let low = try scanHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw Malformed() }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw Malformed()
            }
            UTF8Scalar.append(scalar, to: &scratch)
        default:
            throw Malformed()
        }
    }

    private mutating func scanHex4() throws(Malformed) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try next()
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Malformed()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
