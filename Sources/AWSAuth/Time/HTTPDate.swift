// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Parses the HTTP `Date` header (RFC 9110 §5.6.7), whose preferred form is RFC 1123's
/// `Sun, 06 Nov 1994 08:49:37 GMT`. The two obsolete forms, RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`)
/// and asctime (`Sun Nov  6 08:49:37 1994`), are accepted too, as RFC 9110 asks of recipients.
public enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The date, or `nil` when the text is none of the three forms or names an impossible date.
    public static func parse(_ text: String) -> Date? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.count == 6, words[0].hasSuffix(","), words[5] == "GMT" {
            // IMF-fixdate: day-name, DD Mon YYYY HH:MM:SS GMT
            return fields(day: words[1], month: words[2], year: words[3], time: words[4], twoDigitYear: false)
        }
        if words.count == 4, words[0].hasSuffix(","), words[3] == "GMT" {
            // RFC 850: day-name, DD-Mon-YY HH:MM:SS GMT
            let parts = words[1].split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            return fields(day: parts[0], month: parts[1], year: parts[2], time: words[2], twoDigitYear: true)
        }
        if words.count == 5, !words[0].hasSuffix(",") {
            // asctime: day-name Mon D HH:MM:SS YYYY
            return fields(day: words[2], month: words[1], year: words[4], time: words[3], twoDigitYear: false)
        }
        return nil
    }

    private static func fields(
        day: Substring, month: Substring, year: Substring, time: Substring, twoDigitYear: Bool
    ) -> Date? {
        guard (1...2).contains(day.count), let dayNumber = CivilTime.number(day),
            let monthIndex = months.firstIndex(of: month.lowercased()),
            year.count == (twoDigitYear ? 2 : 4), var yearNumber = CivilTime.number(year)
        else { return nil }
        if twoDigitYear {
            // RFC 9110: a two-digit year more than 50 years in the future is in the past century.
            yearNumber += yearNumber < 70 ? 2000 : 1900
        }
        let clock = time.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }), let hour = CivilTime.number(clock[0]),
            let minute = CivilTime.number(clock[1]), let second = CivilTime.number(clock[2])
        else { return nil }
        return CivilTime.date(
            year: yearNumber, month: Int64(monthIndex + 1), day: dayNumber, hour: hour, minute: minute, second: second)
    }
}
