// SPDX-License-Identifier: Apache-2.0

/// An instant with Go `time.Time` precision (nanoseconds), used for evaluation dates, rollout dates and the
/// injected `now`. Comparisons follow `time.Time.Before/After/Equal` (the instant only, never the zone).
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z (what Go's `Unix()` returns: floored).
    public let unixSeconds: Int64
    /// Nanoseconds within the second, `0..<1_000_000_000`.
    public let nanoseconds: Int32

    /// Creates an instant; `nanoseconds` outside `0..<1e9` are carried into the seconds.
    public init(unixSeconds: Int64, nanoseconds: Int64 = 0) {
        var s = unixSeconds
        var n = nanoseconds
        s += n / 1_000_000_000
        n %= 1_000_000_000
        if n < 0 {
            n += 1_000_000_000
            s -= 1
        }
        self.unixSeconds = s
        self.nanoseconds = Int32(n)
    }

    /// Creates an instant from fractional seconds since the Unix epoch (for example `Date().timeIntervalSince1970`).
    public init(secondsSince1970 value: Double) {
        let whole = value.rounded(.down)
        self.init(unixSeconds: Int64(whole), nanoseconds: Int64(((value - whole) * 1e9).rounded()))
    }

    /// Parses an RFC 3339 date-time as Go's `time.Parse(time.RFC3339, s)` does
    /// (`2006-01-02T15:04:05Z07:00`, optional fractional seconds); `nil` when it does not parse.
    public init?(rfc3339 text: String) {
        guard let parsed = RFC3339.parse(Array(text.utf8)) else { return nil }
        self = parsed
    }

    /// `true` when `self` is strictly before `other`.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.unixSeconds != rhs.unixSeconds ? lhs.unixSeconds < rhs.unixSeconds : lhs.nanoseconds < rhs.nanoseconds
    }

    /// The instant as `seconds.nanoseconds` since the epoch.
    public var description: String { "\(unixSeconds).\(nanoseconds)" }
}
