// SPDX-License-Identifier: Apache-2.0

/// SplitMix64: a tiny seeded generator, so a fault pattern repeats for a given `--seed` (as long
/// as the calls arrive in the same order, which one event-loop thread and one client guarantee).
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator; equal seeds give equal sequences.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A uniform value in `[0, 1)`.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// `true` with probability `rate` (never for 0, always for 1); draws one value only when `0 < rate < 1`
    /// so a zero rate does not shift the sequence of the other faults.
    mutating func chance(_ rate: Double) -> Bool {
        if rate <= 0 { return false }
        if rate >= 1 { return true }
        return unit() < rate
    }
}
