// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a request body is not the JSON the fake expects.
struct JSONScanError: Error, Sendable, Equatable {
    /// What was wrong, for the `SerializationException` message.
    let message: String
    /// Byte offset in the body where it was noticed.
    let offset: Int
}

/// A forward-only JSON reader over raw bytes that allocates nothing for strings without escapes.
///
/// It reads exactly what the caller asks for (`beginObject`, `nextKey`, `withString`, …) and can
/// skip any value, which is all the request bodies of the fake need; it is not a general DOM.
struct JSONScanner {
    private let bytes: UnsafeRawBufferPointer
    /// Byte offset of the next unread byte.
    private(set) var position = 0

    /// Reads `bytes`, which must outlive the scanner.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    private func fail(_ message: String) -> JSONScanError {
        JSONScanError(message: message, offset: position)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// The next significant byte, without consuming it; `nil` at the end.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    /// Consumes `byte` if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    /// Consumes `byte` or fails.
    mutating func expect(_ byte: UInt8) throws(JSONScanError) {
        guard consume(byte) else {
            throw fail("expected '\(Character(Unicode.Scalar(byte)))'")
        }
    }

    /// Fails unless only whitespace is left.
    mutating func expectEnd() throws(JSONScanError) {
        guard peek() == nil else { throw fail("unexpected data after the JSON value") }
    }

    /// Consumes a `null` literal if it is next.
    mutating func consumeNull() -> Bool {
        guard peek() == UInt8(ascii: "n"), position + 4 <= bytes.count,
            bytes[position + 1] == UInt8(ascii: "u"), bytes[position + 2] == UInt8(ascii: "l"),
            bytes[position + 3] == UInt8(ascii: "l")
        else { return false }
        position += 4
        return true
    }

    /// Opens an object: `{`.
    mutating func beginObject() throws(JSONScanError) {
        try expect(UInt8(ascii: "{"))
    }

    /// Reads the next key of an open object and its `:`, passing the key's bytes to `body`;
    /// returns `nil` after the closing `}`. Call with `first` true for the first key only.
    mutating func nextKey<Key>(
        first: Bool,
        _ body: (UnsafeRawBufferPointer) -> Key
    ) throws(JSONScanError) -> Key? {
        if consume(UInt8(ascii: "}")) { return nil }
        if !first {
            try expect(UInt8(ascii: ","))
        }
        let key = try withString(body)
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Opens an array: `[`.
    mutating func beginArray() throws(JSONScanError) {
        try expect(UInt8(ascii: "["))
    }

    /// Whether an open array has another element (consuming the `,` between elements or the closing `]`).
    mutating func hasNextElement(first: Bool) throws(JSONScanError) -> Bool {
        if consume(UInt8(ascii: "]")) { return false }
        if !first {
            try expect(UInt8(ascii: ","))
        }
        return true
    }

    /// Reads a string and passes its decoded UTF-8 bytes to `body`: a slice of the input when
    /// the string has no escapes, a temporary buffer otherwise.
    ///
    /// The fast path finds the closing quote and any backslash with `memchr`; raw control
    /// characters inside strings are tolerated there (the fake is lenient where Kinesis is strict).
    mutating func withString<Result>(_ body: (UnsafeRawBufferPointer) -> Result) throws(JSONScanError) -> Result {
        try expect(UInt8(ascii: "\""))
        let start = position
        guard let base = bytes.baseAddress,
            let quote = memchr(base + start, Int32(UInt8(ascii: "\"")), bytes.count - start)
        else { throw fail("unterminated string") }
        let end = base.distance(to: UnsafeRawPointer(quote))
        guard let backslash = memchr(base + start, Int32(UInt8(ascii: "\\")), end - start) else {
            position = end + 1
            return body(UnsafeRawBufferPointer(start: base + start, count: end - start))
        }
        position = base.distance(to: UnsafeRawPointer(backslash))
        var decoded = Array(bytes[start..<position])
        try readEscapedTail(into: &decoded)
        return decoded.withUnsafeBytes(body)
    }

    /// Continues a string from its first backslash, decoding escapes, through the closing quote.
    private mutating func readEscapedTail(into decoded: inout [UInt8]) throws(JSONScanError) {
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return
            case UInt8(ascii: "\\"):
                try readEscape(into: &decoded)
            case 0..<0x20:
                throw fail("control character in string")
            default:
                decoded.append(byte)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func readEscape(into decoded: inout [UInt8]) throws(JSONScanError) {
        guard position < bytes.count else { throw fail("unterminated escape") }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw fail("unpaired surrogate") }
                position += 2
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw fail("unpaired surrogate") }
                scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw fail("unpaired surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
            decoded.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw fail("invalid escape")
        }
    }

    private mutating func readHex4() throws(JSONScanError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw fail("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// Reads a number token and returns its text (validated loosely: sign, digits, `.`, exponent).
    mutating func readNumberText() throws(JSONScanError) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                position += 1
            default:
                guard position > start else { throw fail("expected a number") }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            }
        }
        guard position > start else { throw fail("expected a number") }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// Skips one value of any type, nested at most 64 deep.
    mutating func skipValue(depth: Int = 0) throws(JSONScanError) {
        guard depth < 64 else { throw fail("nesting too deep") }
        switch peek() {
        case UInt8(ascii: "\""):
            _ = try withString { _ in () }
        case UInt8(ascii: "{"):
            position += 1
            var first = true
            while try nextKey(first: first, { _ in () }) != nil {
                try skipValue(depth: depth + 1)
                first = false
            }
        case UInt8(ascii: "["):
            position += 1
            var first = true
            while try hasNextElement(first: first) {
                try skipValue(depth: depth + 1)
                first = false
            }
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            try skipLiteral()
        case .some:
            _ = try readNumberText()
        case nil:
            throw fail("unexpected end of data")
        }
    }

    private mutating func skipLiteral() throws(JSONScanError) {
        for literal in ["true", "false", "null"] {
            let utf8 = Array(literal.utf8)
            if position + utf8.count <= bytes.count,
                bytes[position..<position + utf8.count].elementsEqual(utf8)
            {
                position += utf8.count
                return
            }
        }
        throw fail("invalid literal")
    }
}
