// SPDX-License-Identifier: Apache-2.0

/// Go's numeric conversions as GOFF's engine performs them. Out-of-range float conversions saturate (what
/// the reference WebAssembly build does); Go's `int` is 64 or 32 bits wide depending on the build target.
enum GoNumeric {
    /// `int64(v)` saturating (NaN → 0).
    static func int64(_ v: Double) -> Int64 {
        if v.isNaN { return 0 }
        if v >= 9_223_372_036_854_775_807.0 { return .max }
        if v <= -9_223_372_036_854_775_808.0 { return .min }
        return Int64(v.rounded(.towardZero))
    }

    /// `uint32(v)` saturating (NaN and negatives → 0).
    static func uint32(_ v: Double) -> UInt32 {
        if v.isNaN || v <= 0 { return 0 }
        if v >= 4_294_967_295.0 { return .max }
        return UInt32(v.rounded(.towardZero))
    }

    /// GOFF's `IsIntegral`: `v == float64(int64(v))`.
    static func isIntegral(_ v: Double) -> Bool {
        v == Double(int64(v))
    }

    /// `int(v)` for a Go `int` of `bits` width (saturating).
    static func int(_ v: Double, bits: Int) -> Int64 {
        if bits == 32 {
            if v.isNaN { return 0 }
            if v >= 2_147_483_647.0 { return 2_147_483_647 }
            if v <= -2_147_483_648.0 { return -2_147_483_648 }
            return Int64(v.rounded(.towardZero))
        }
        return int64(v)
    }

    /// `int(i)` for an `int64` (wraps, as Go's integer conversions do).
    static func int(_ i: Int64, bits: Int) -> Int64 {
        bits == 32 ? Int64(Int32(truncatingIfNeeded: i)) : i
    }
}
