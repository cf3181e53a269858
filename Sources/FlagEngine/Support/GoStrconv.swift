// SPDX-License-Identifier: Apache-2.0

/// Go's `strconv` number parsing for the literals the lexer accepts.
enum GoStrconv {
    /// `strconv.ParseInt(s, 10, 64)`; `nil` on overflow or syntax error.
    static func parseInt(_ s: String) -> Int64? { Int64(s, radix: 10) }

    /// `strconv.ParseFloat(s, 64)`; `nil` when out of range (Go returns ±Inf with an error).
    static func parseFloat(_ s: String) -> Double? {
        guard let d = Double(s), d.isFinite else { return nil }
        return d
    }
}
