// SPDX-License-Identifier: Apache-2.0

extension JSONScanner {
    /// Parses a string starting at its opening quote and returns its decoded value.
    ///
    /// Like Go: escapes are decoded, a valid `\uD8xx\uDCxx` pair becomes one scalar, any other surrogate escape
    /// becomes U+FFFD, and every byte that does not start a valid UTF-8 sequence becomes one U+FFFD.
    mutating func parseString() throws(JSONParseError) -> String {
        pos += 1
        let start = pos
        let end = bytes.count
        while pos < end {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
                pos += 1
                return s
            }
            if c < 0x80 {
                if c == UInt8(ascii: "\\") || c < 0x20 { break }
                pos += 1
                continue
            }
            let n = goValidUTF8Length(at: pos)
            if n == 0 { break }
            pos += n
        }
        return try parseStringSlowPath(start: start)
    }

    /// Continues a string that needs unescaping or UTF-8 repair, using ``scratch``.
    private mutating func parseStringSlowPath(start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        let end = bytes.count
        while pos < end {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") {
                try appendEscape()
            } else if c < 0x20 {
                throw .invalidCharacter(c, at: pos, "in string literal")
            } else if c < 0x80 {
                scratch.append(c)
                pos += 1
            } else {
                let n = goValidUTF8Length(at: pos)
                if n == 0 {
                    scratch.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    pos += 1
                } else {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pos..<pos + n]))
                    pos += n
                }
            }
        }
        throw .unexpectedEnd(at: end)
    }

    /// Decodes the escape at `pos` (a backslash) into ``scratch``.
    private mutating func appendEscape() throws(JSONParseError) {
        pos += 1
        let e = try current()
        pos += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(e)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800...0xDFFF).contains(scalar) {
                if scalar <= 0xDBFF, let low = peekLowSurrogateEscape() {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    pos += 6
                } else {
                    scalar = 0xFFFD
                }
            }
            UTF8Scalar.append(scalar, to: &scratch)
        default:
            throw .invalidCharacter(e, at: pos - 1, "in string escape code")
        }
    }

    /// Reads the 4 hex digits of a `\u` escape.
    private mutating func readHex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let h = try current()
            guard let digit = hexValue(h) else {
                throw .invalidCharacter(h, at: pos, "in \\u hexadecimal character escape")
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    /// A `\uDC00`...`\uDFFF` escape right at `pos`, without consuming it.
    private func peekLowSurrogateEscape() -> UInt32? {
        guard pos + 6 <= bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
            return nil
        }
        var value: UInt32 = 0
        for i in 2..<6 {
            guard let digit = hexValue(bytes[pos + i]) else { return nil }
            value = value << 4 | digit
        }
        return (0xDC00...0xDFFF).contains(value) ? value : nil
    }

    @inline(__always)
    private func hexValue(_ h: UInt8) -> UInt32? {
        switch h {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(h - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(h - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(h - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Length of the valid UTF-8 sequence starting at `i` (a byte >= 0x80), or 0 when Go's `utf8.DecodeRune`
    /// would return `RuneError` with size 1 (overlong forms, surrogates, > U+10FFFF, truncated sequences).
    @inline(__always)
    func goValidUTF8Length(at i: Int) -> Int {
        let b0 = bytes[i]
        let remaining = bytes.count - i
        @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            k < remaining && (lo...hi).contains(bytes[i + k])
        }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0:
            return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(1) && cont(2) ? 3 : 0
        case 0xED:
            return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0:
            return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default:
            return 0
        }
    }
}
