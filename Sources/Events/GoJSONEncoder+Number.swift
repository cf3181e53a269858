// SPDX-License-Identifier: Apache-2.0

extension GoJSONEncoder {
    /// Appends `value` in decimal (Go `strconv.AppendInt(b, v, 10)`).
    public static func appendInt(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        appendUInt(value.magnitude, to: &out)
    }

    /// Appends `value` in decimal.
    public static func appendUInt(_ value: UInt64, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") &+ UInt8(value))
            return
        }
        var digits = 0
        var v = value
        while v > 0 {
            digits += 1
            v /= 10
        }
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        v = value
        var i = start + digits - 1
        while v > 0 {
            out[i] = UInt8(ascii: "0") &+ UInt8(v % 10)
            v /= 10
            i -= 1
        }
    }

    /// Appends `value` exactly as Go's `encoding/json` writes a `float64`: the shortest digits that round-trip,
    /// in `strconv` `'f'` form when 1e-6 <= |value| < 1e21 (so integral values have no `.0`), otherwise in
    /// `'e'` form without a leading zero in the exponent (`1e+21`, `1e-7`, `1.5e-10`); `-0` stays `-0`.
    /// Non-finite values (which Go refuses to marshal) are written as `null`.
    public static func appendFloat(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else {
            appendRaw("null", to: &out)
            return
        }
        if value == 0 {
            appendRaw(value.sign == .minus ? "-0" : "0", to: &out)
            return
        }
        let magnitude = value.magnitude
        if magnitude < 9_007_199_254_740_992, magnitude.rounded(.towardZero) == magnitude {
            // Integers below 2^53 are exact and their shortest round-trip digits are the integer itself.
            appendInt(Int64(value), to: &out)
            return
        }
        let (digits, pointPosition) = shortestDigits(magnitude)
        if value < 0 { out.append(UInt8(ascii: "-")) }
        if magnitude < 1e-6 || magnitude >= 1e21 {
            out.append(digits[0])
            if digits.count > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[1...])
            }
            let exponent = pointPosition - 1
            out.append(UInt8(ascii: "e"))
            out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            appendUInt(UInt64(exponent.magnitude), to: &out)
        } else if pointPosition <= 0 {
            appendRaw("0.", to: &out)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -pointPosition))
            out.append(contentsOf: digits)
        } else if pointPosition >= digits.count {
            out.append(contentsOf: digits)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: pointPosition - digits.count))
        } else {
            out.append(contentsOf: digits[..<pointPosition])
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[pointPosition...])
        }
    }

    /// The shortest round-trip decimal digits of a positive finite `value` (as ASCII, no leading or trailing
    /// zeros) and the position of the decimal point: `value == 0.d1d2...dn * 10^pointPosition`.
    ///
    /// Swift's `description` and Go's `strconv` both print the shortest digit string that round-trips and,
    /// among those, the one closest to the exact value; only the layout differs, so it is re-laid out here.
    static func shortestDigits(_ value: Double) -> (digits: [UInt8], pointPosition: Int) {
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var integerDigits: Int?
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for c in value.description.utf8 {
            if inExponent {
                if c == UInt8(ascii: "-") {
                    exponentSign = -1
                } else if c != UInt8(ascii: "+") {
                    exponent = exponent * 10 + Int(c &- UInt8(ascii: "0"))
                }
            } else if c == UInt8(ascii: ".") {
                integerDigits = digits.count
            } else if c == UInt8(ascii: "e") {
                inExponent = true
            } else {
                digits.append(c)
            }
        }
        var point = (integerDigits ?? digits.count) + exponentSign * exponent
        var leading = 0
        while leading < digits.count - 1, digits[leading] == UInt8(ascii: "0") {
            leading += 1
            point -= 1
        }
        var end = digits.count
        while end > leading + 1, digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        return (Array(digits[leading..<end]), point)
    }
}
