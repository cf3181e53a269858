// SPDX-License-Identifier: Apache-2.0

/// Exponential backoff with full jitter: attempt n waits a uniformly random time in
/// `0 ... min(cap, base × 2^(n-1))`.
public struct Backoff: Sendable, Equatable {
    /// The first attempt's upper bound.
    public var base: Duration
    /// The largest upper bound.
    public var cap: Duration

    /// Creates a policy; defaults are 100 ms and 20 s.
    public init(base: Duration = .milliseconds(100), cap: Duration = .seconds(20)) {
        self.base = base
        self.cap = cap
    }

    /// The upper bound of the wait before retry number `attempt` (1-based).
    public func ceiling(attempt: Int) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let scaled = base * (1 << exponent)
        return scaled < cap ? scaled : cap
    }

    /// The wait before retry number `attempt`, drawing the jitter from `unit` (a value in 0...1).
    public func delay(attempt: Int, unit: Double) -> Duration {
        ceiling(attempt: attempt) * min(max(unit, 0), 1)
    }
}
