// SPDX-License-Identifier: Apache-2.0

/// GOFF's polling period rules.
public enum PollingSchedule {
    /// The default polling interval, used for a configured 0: 60 s.
    public static let defaultInterval: Duration = .seconds(60)
    /// The shortest polling interval: a configured 1…999 ms becomes 1 s.
    public static let minimumInterval: Duration = .seconds(1)

    /// The polling interval GOFF uses for a configured `pollingInterval`.
    /// - Parameter milliseconds: The configured value in milliseconds.
    /// - Returns: 60 s for 0, 1 s for 1…999, the value itself from 1000 on, `nil` (no polling) when
    ///   negative.
    public static func interval(milliseconds: Int) -> Duration? {
        switch milliseconds {
        case ..<0: return nil
        case 0: return defaultInterval
        case 1..<1000: return minimumInterval
        default: return .milliseconds(milliseconds)
        }
    }

    /// `interval` moved by a random jitter of up to ±10 % (GOFF's `enablePollingJitter`, chosen once per
    /// flag set so that several relays do not poll in step).
    /// - Parameters:
    ///   - interval: The polling interval.
    ///   - generator: The randomness source.
    /// - Returns: A period in [0.9 × interval, 1.1 × interval].
    public static func jittered(_ interval: Duration, using generator: inout some RandomNumberGenerator) -> Duration {
        let nanoseconds = interval.nanoseconds
        let maximumJitter = nanoseconds / 10
        guard maximumJitter > 0 else { return interval }
        let jitter = Int64.random(in: 0...maximumJitter, using: &generator)
        let sign: Int64 = Bool.random(using: &generator) ? 1 : -1
        return .nanoseconds(nanoseconds + sign * jitter)
    }

    /// The period a flag set polls with, or `nil` when polling is disabled.
    /// - Parameters:
    ///   - milliseconds: The configured `pollingInterval`.
    ///   - jitter: The configured `enablePollingJitter`.
    ///   - generator: The randomness source for the jitter.
    public static func period(
        milliseconds: Int, jitter: Bool, using generator: inout some RandomNumberGenerator
    ) -> Duration? {
        guard let interval = interval(milliseconds: milliseconds) else { return nil }
        return jitter ? jittered(interval, using: &generator) : interval
    }
}

extension Duration {
    /// The duration in whole nanoseconds (saturating far beyond any polling interval).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? Int64.max : scaled &+ attoseconds / 1_000_000_000
    }
}
