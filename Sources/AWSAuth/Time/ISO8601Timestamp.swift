// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Parses the timestamps credential sources send in `Expiration`: `2019-11-01T20:26:47Z`,
/// with optional fractional seconds and a `Z` or `±hh:mm` offset (`+0000` and a lowercase `t`/`z` too).
enum ISO8601Timestamp {
    /// The date, or `nil` when the text is not such a timestamp.
    static func parse(_ text: String) -> Date? {
        let text = Substring(text.trimmingCharacters(in: .whitespaces))
        guard let separator = text.firstIndex(where: { $0 == "T" || $0 == "t" || $0 == " " }) else { return nil }
        let dateParts = text[..<separator].split(separator: "-", omittingEmptySubsequences: false)
        guard dateParts.count == 3, dateParts[0].count == 4, dateParts[1].count == 2, dateParts[2].count == 2,
            let year = CivilTime.number(dateParts[0]), let month = CivilTime.number(dateParts[1]),
            let day = CivilTime.number(dateParts[2])
        else { return nil }
        var time = text[text.index(after: separator)...]
        var offsetSeconds: Int64 = 0
        if time.hasSuffix("Z") || time.hasSuffix("z") {
            time = time.dropLast()
        } else if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            guard let offset = parseOffset(time[sign...]) else { return nil }
            offsetSeconds = offset
            time = time[..<sign]
        } else {
            return nil
        }
        var fraction = 0.0
        if let dot = time.firstIndex(where: { $0 == "." || $0 == "," }) {
            let digits = time[time.index(after: dot)...]
            guard CivilTime.number(Substring(digits.prefix(9))) != nil, digits.allSatisfy(\.isASCII),
                digits.allSatisfy(\.isNumber), let value = Double("0." + digits)
            else { return nil }
            fraction = value
            time = time[..<dot]
        }
        let clock = time.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }), let hour = CivilTime.number(clock[0]),
            let minute = CivilTime.number(clock[1]), let second = CivilTime.number(clock[2]),
            let date = CivilTime.date(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction)
        else { return nil }
        return date.addingTimeInterval(TimeInterval(-offsetSeconds))
    }

    /// `+hh:mm`, `+hhmm` or `+hh` as seconds east of UTC.
    private static func parseOffset(_ text: Substring) -> Int64? {
        let sign: Int64 = text.first == "-" ? -1 : 1
        let digits = text.dropFirst().filter { $0 != ":" }
        guard [2, 4].contains(digits.count), let value = CivilTime.number(Substring(digits)) else { return nil }
        let hours = digits.count == 4 ? value / 100 : value
        let minutes = digits.count == 4 ? value % 100 : 0
        guard hours <= 23, minutes <= 59 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
