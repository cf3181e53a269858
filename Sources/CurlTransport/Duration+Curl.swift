// SPDX-License-Identifier: Apache-2.0

extension Duration {
    /// Whole milliseconds, rounded up and at least 1 (libcurl reads 0 as "no timeout").
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 1 }
        guard seconds < Int64(Int.max / 1000 - 1) else { return Int.max / 1000 }
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return max(1, Int(seconds) * 1000 + Int(fraction))
    }

    /// Whole seconds, rounded up and at least 1 (for TCP keep-alive options).
    var curlSeconds: Int {
        max(1, (curlMilliseconds + 999) / 1000)
    }
}
