// SPDX-License-Identifier: Apache-2.0

/// The syntax of one JSON number, as scanned.
struct ScannedNumber {
    var start: Int
    var end: Int
    var negative: Bool
    /// The first (up to) 19 significant digits.
    var mantissa: UInt64
    /// `true` when more than 19 digits were seen (the mantissa is then not exact).
    var truncated: Bool
    /// Power of ten to apply to `mantissa` (fraction digits and the exponent included).
    var exponent10: Int
}

extension JSONScanner {
    /// Parses a number into the `float64` Go would produce (correctly rounded). A number beyond the `float64`
    /// range is remembered in ``deferredError`` (Go fails such a document with an `UnmarshalTypeError`).
    mutating func parseNumber() throws(JSONParseError) -> Double {
        let scanned = try scanNumber()
        let value = Self.doubleValue(of: scanned, in: bytes)
        if !value.isFinite, deferredError == nil {
            let text = String(
                decoding: UnsafeBufferPointer(rebasing: bytes[scanned.start..<scanned.end]), as: UTF8.self)
            deferredError = JSONParseError(
                code: .numberOutOfRange,
                offset: scanned.start,
                message: "number \(text) is out of the float64 range"
            )
        }
        return value
    }

    /// Checks the number grammar at `pos` and collects its digits.
    mutating func scanNumber() throws(JSONParseError) -> ScannedNumber {
        var n = ScannedNumber(start: pos, end: pos, negative: false, mantissa: 0, truncated: false, exponent10: 0)
        var digitCount = 0
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }
        @inline(__always) func addDigit(_ c: UInt8, fraction: Bool) {
            if n.mantissa == 0 && c == UInt8(ascii: "0") {
                if fraction { n.exponent10 -= 1 }
                return
            }
            if digitCount < 19 {
                n.mantissa = n.mantissa &* 10 &+ UInt64(c &- UInt8(ascii: "0"))
                digitCount += 1
                if fraction { n.exponent10 -= 1 }
            } else {
                if c != UInt8(ascii: "0") { n.truncated = true }
                if !fraction { n.exponent10 += 1 }
            }
        }
        var c = try current()
        if c == UInt8(ascii: "-") {
            n.negative = true
            pos += 1
            c = try current()
            guard isDigit(c) else { throw .invalidCharacter(c, at: pos, "in numeric literal") }
        }
        if c == UInt8(ascii: "0") {
            pos += 1
        } else {
            while pos < bytes.count, isDigit(bytes[pos]) {
                addDigit(bytes[pos], fraction: false)
                pos += 1
            }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            c = try current()
            guard isDigit(c) else { throw .invalidCharacter(c, at: pos, "after decimal point in numeric literal") }
            while pos < bytes.count, isDigit(bytes[pos]) {
                addDigit(bytes[pos], fraction: true)
                pos += 1
            }
        }
        if pos < bytes.count, bytes[pos] | 0x20 == UInt8(ascii: "e") {
            pos += 1
            c = try current()
            var negativeExponent = false
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                negativeExponent = c == UInt8(ascii: "-")
                pos += 1
                c = try current()
            }
            guard isDigit(c) else { throw .invalidCharacter(c, at: pos, "in exponent of numeric literal") }
            var e = 0
            while pos < bytes.count, isDigit(bytes[pos]) {
                if e < 1_000_000 { e = e * 10 + Int(bytes[pos] &- UInt8(ascii: "0")) }
                pos += 1
            }
            n.exponent10 += negativeExponent ? -e : e
        }
        n.end = pos
        return n
    }

    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The correctly rounded `Double` of a scanned number: exact arithmetic when the mantissa and the power
    /// of ten are both exact doubles (Clinger's fast path), otherwise the standard library's correctly rounded
    /// conversion of the text.
    static func doubleValue(of n: ScannedNumber, in bytes: UnsafeBufferPointer<UInt8>) -> Double {
        if n.mantissa == 0 && !n.truncated {
            return n.negative ? -0.0 : 0.0
        }
        if !n.truncated, n.mantissa <= 1 << 53, n.exponent10 >= -22, n.exponent10 <= 22 {
            var d = Double(n.mantissa)
            if n.exponent10 >= 0 {
                d *= exactPowersOfTen[n.exponent10]
            } else {
                d /= exactPowersOfTen[-n.exponent10]
            }
            return n.negative ? -d : d
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[n.start..<n.end]), as: UTF8.self)
        return Double(text) ?? .nan
    }
}
