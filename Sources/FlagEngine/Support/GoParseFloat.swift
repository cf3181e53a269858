// SPDX-License-Identifier: Apache-2.0

/// Go's `strconv.ParseFloat(s, 64)` and `FormatFloat(f, 'f', -1, 64)`.
enum GoParseFloat {
    /// The value, ±Inf on overflow (Go's `ErrRange` result), `nil` on a syntax error.
    static func parse(_ s: String) -> Double? {
        var text = Substring(s)
        var sign = ""
        if let f = text.first, f == "+" || f == "-" {
            sign = f == "-" ? "-" : ""
            text = text.dropFirst()
        }
        let lower = text.lowercased()
        if lower == "inf" || lower == "infinity" { return sign == "-" ? -.infinity : .infinity }
        if lower == "nan" { return .nan }
        guard !text.isEmpty else { return nil }
        var body = String(text)
        if body.contains("_") {
            // Underscores are only allowed with a base prefix (0x...).
            guard body.lowercased().hasPrefix("0x") else { return nil }
            body = body.filter { $0 != "_" }
        }
        let isHex = body.lowercased().hasPrefix("0x")
        for c in body.utf8 {
            let ok =
                (c >= 48 && c <= 57) || c == 46 || c == 101 || c == 69 || c == 43 || c == 45
                || (isHex
                    && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c == 120 || c == 88 || c == 112 || c == 80))
            guard ok else { return nil }
        }
        if isHex && !body.lowercased().contains("p") { return nil }
        return Double(sign + body)
    }

    /// Shortest decimal without exponent (`'f', -1`).
    static func formatF(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        var s = "\(d)"
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let exponent = Int(s[s.index(after: e)...]) ?? 0
            var mantissa = String(s[..<e])
            let negative = mantissa.hasPrefix("-")
            if negative { mantissa.removeFirst() }
            var digits = mantissa.filter { $0 != "." }
            let pointPos =
                (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
                    ?? mantissa.count) + exponent
            if pointPos <= 0 {
                digits = "0." + String(repeating: "0", count: -pointPos) + digits
            } else if pointPos >= digits.count {
                digits += String(repeating: "0", count: pointPos - digits.count)
            } else {
                digits.insert(".", at: digits.index(digits.startIndex, offsetBy: pointPos))
            }
            s = (negative ? "-" : "") + digits
        }
        if s.hasSuffix(".0") { s.removeLast(2) }
        if s == "-0" { return "-0" }
        return s
    }
}
