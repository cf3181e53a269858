// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The `Date` header value (RFC 9110 IMF-fixdate, e.g. `Wed, 26 Nov 2025 00:24:56 GMT`), formatted at most
/// once per second. Not thread-safe: one per connection handler, used on its event loop.
struct HTTPDate {
    private var second: Int64 = .min
    private var text = ""

    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The value for the current second.
    mutating func current() -> String {
        let now = Int64(Date().timeIntervalSince1970.rounded(.down))
        if now != second {
            second = now
            text = Self.format(epochSeconds: now)
        }
        return text
    }

    /// IMF-fixdate of a Unix time.
    static func format(epochSeconds: Int64) -> String {
        let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        let secondOfDay = epochSeconds - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = Self.days[Int(((days % 7) + 7) % 7)]
        return "\(weekday), \(pad(day)) \(months[Int(month - 1)]) \(year) \(pad(secondOfDay / 3_600)):"
            + "\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)) GMT"
    }

    private static func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
