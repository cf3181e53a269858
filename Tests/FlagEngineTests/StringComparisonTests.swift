// SPDX-License-Identifier: Apache-2.0

import Testing

/// String comparisons of nikunjy/rules: both sides lower-cased with Go's `strings.ToLower`, then compared
/// byte-wise. ASCII values take a path that lower-cases on the fly; other values go through the full mapping.
/// The two must agree with Go on the edges (prefixes, empty literals, literals longer than the value).
struct StringComparisonTests {
    static let context = #"""
        {"targetingKey":"user-1","plan":"Pro","city":"Zürich","name":"ÉMILE","word":"straße","empty":""}
        """#

    static let cases: [(String, Bool)] = [
        // ASCII value, every operator at its edges
        (#"plan eq "PRO""#, true), (#"plan eq "pr""#, false), (#"plan ne "pro""#, false), (#"plan ne "prox""#, true),
        (#"plan gt "pr""#, true), (#"plan gt "pro""#, false), (#"plan ge "pro""#, true), (#"plan lt "prox""#, true),
        (#"plan lt "pro""#, false), (#"plan le "PRO""#, true), (#"plan le "pra""#, false), (#"plan gt "PRA""#, true),
        (#"plan co """#, true), (#"plan co "RO""#, true), (#"plan co "prox""#, false), (#"plan sw "P""#, true),
        (#"plan sw "PROX""#, false), (#"plan ew "xpro""#, false), (#"plan ew "O""#, true), (#"plan ew "r""#, false),
        (#"empty eq """#, true), (#"empty co """#, true), (#"empty sw "a""#, false), (#"empty lt "a""#, true),
        // non-ASCII values: Unicode lower-casing, byte order of the UTF-8 encoding
        (#"city eq "zürich""#, true), (#"city eq "ZÜRICH""#, true), (#"name eq "émile""#, true),
        (#"name sw "É""#, true), (#"city co "RICH""#, true), (#"city gt "zz""#, true), (#"city lt "zz""#, false),
        (#"word eq "STRAßE""#, true), (#"word eq "strasse""#, false), (#"word ew "SSE""#, false),
        // `in` compares exact bytes, without lower-casing
        (#"city in ["Zürich"]"#, true), (#"city in ["zürich"]"#, false), (#"plan in ["pro", "Pro"]"#, true),
    ]

    @Test(arguments: cases)
    func knownAnswer(query: String, expected: Bool) throws {
        #expect(try TestSupport.matches(query, Self.context) == expected, "\(query)")
    }
}
