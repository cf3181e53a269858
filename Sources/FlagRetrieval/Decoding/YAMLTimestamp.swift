// SPDX-License-Identifier: Apache-2.0

/// `yaml.v3`'s timestamp forms for `time.Time` fields, rewritten as Go's `time.Time` marshals to JSON
/// (RFC 3339 with nanoseconds, trailing fraction zeros dropped, `Z` for a zero offset).
///
/// Accepted (Go layouts): `2006-1-2T15:4:5.999999999Z07:00`, the same with a lowercase `t`,
/// `2006-1-2 15:4:5.999999999` (UTC) and `2006-1-2` (midnight UTC).
enum YAMLTimestamp {
    /// The RFC 3339 text of a timestamp scalar, or `nil` when `text` is not one of the accepted forms.
    static func normalize(_ text: String) -> String? {
        var scanner = Scanner(bytes: Array(text.utf8))
        guard let year = scanner.number(minDigits: 4, maxDigits: 4), scanner.take("-"),
            let month = scanner.number(minDigits: 1, maxDigits: 2), (1...12).contains(month), scanner.take("-"),
            let day = scanner.number(minDigits: 1, maxDigits: 2), (1...31).contains(day)
        else { return nil }
        let date = "\(year)-\(pad(month))-\(pad(day))"
        if scanner.atEnd { return date + "T00:00:00Z" }
        let withZone: Bool
        if scanner.take("T") || scanner.take("t") {
            withZone = true
        } else if scanner.take(" ") {
            withZone = false
        } else {
            return nil
        }
        guard let hour = scanner.number(minDigits: 1, maxDigits: 2), hour < 24, scanner.take(":"),
            let minute = scanner.number(minDigits: 1, maxDigits: 2), minute < 60, scanner.take(":"),
            let second = scanner.number(minDigits: 1, maxDigits: 2), second < 60
        else { return nil }
        var fraction = ""
        if scanner.take(".") {
            guard let digits = scanner.digits(maxCount: 9), !digits.isEmpty else { return nil }
            fraction = String(digits.reversed().drop { $0 == "0" }.reversed())
            if !fraction.isEmpty { fraction = "." + fraction }
        }
        var zone = "Z"
        if withZone {
            if scanner.take("Z") {
                zone = "Z"
            } else if let sign = scanner.sign(), let hours = scanner.number(minDigits: 2, maxDigits: 2),
                scanner.take(":"), let minutes = scanner.number(minDigits: 2, maxDigits: 2)
            {
                zone = hours == 0 && minutes == 0 ? "Z" : "\(sign)\(pad(hours)):\(pad(minutes))"
            } else {
                return nil
            }
        }
        guard scanner.atEnd else { return nil }
        return "\(date)T\(pad(hour)):\(pad(minute)):\(pad(second))\(fraction)\(zone)"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ character: Character) -> Bool {
            guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
            index += 1
            return true
        }

        mutating func sign() -> String? {
            if take("+") { return "+" }
            if take("-") { return "-" }
            return nil
        }

        mutating func digits(maxCount: Int) -> String? {
            var result = ""
            while index < bytes.count, result.count < maxCount, (48...57).contains(bytes[index]) {
                result.append(Character(UnicodeScalar(bytes[index])))
                index += 1
            }
            return result
        }

        mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
            guard let text = digits(maxCount: maxDigits), text.count >= minDigits else { return nil }
            return Int(text)
        }
    }
}
