// SPDX-License-Identifier: Apache-2.0

import Testing

/// The nikunjy/rules query language, operator by operator, against one context. Every expected value was
/// checked against GOFF's own engine (see Fixtures/README.md).
struct NikunjyQueryTests {
    static let context = #"""
        {"targetingKey":"user-1","email":"Jane@Example.com","age":30,"score":9.5,"beta":true,"plan":"pro",
         "appVersion":"1.2.3-beta.1","tags":["a","b"],"company":{"name":"GOFF","size":50},"nothing":null}
        """#

    static let cases: [(String, Bool)] = [
        // eq / == (strings compare case-insensitively; the literal's type picks the operation)
        (#"plan eq "pro""#, true), (#"plan eq "PRO""#, true), (#"plan == "pro""#, true), (#"plan EQ "pro""#, true),
        ("age eq 30", true), ("age eq 30.0", true), ("score eq 9", true), ("beta eq true", true),
        (#"beta eq "true""#, false), ("nothing eq null", true), ("missing eq null", true), ("age eq null", false),
        // ne / !=
        (#"plan ne "team""#, true), (#"plan != "pro""#, false), (#"missing ne "x""#, false), ("age ne null", true),
        // ordering: numbers (an int literal truncates a float attribute), strings byte-wise after lower-casing
        ("age gt 18", true), ("age lt 18", false), ("age ge 30", true), ("age le 29", false), ("score gt 9.4", true),
        ("score > 9", false), (#"plan gt "free""#, true), (#"email lt "k""#, true), ("age < 31", true),
        ("age >= 30", true), ("age <= 30", true),
        // co / sw / ew (case-insensitive); on numbers they fail the whole query
        (#"email co "example""#, true), (#"email co "EXAMPLE""#, true), (#"email sw "jane""#, true),
        (#"email ew ".com""#, true), (#"email ew ".org""#, false), ("age co 3", false),
        (#"age co 3 or plan eq "pro""#, false),
        // in (string lists are case-sensitive)
        (#"plan in ["pro", "team"]"#, true), (#"plan in ["PRO"]"#, false), ("age in [29, 30]", true),
        ("score in [9.5, 1.0]", true), ("age in [30.0]", true), (#"plan IN ["pro"]"#, true), (#"age in ["30"]"#, false),
        // pr
        ("email pr", true), ("missing pr", false), ("nothing pr", false), ("company.name pr", true),
        // nested attributes
        (#"company.name eq "goff""#, true), ("company.size gt 10", true), (#"company.missing eq "x""#, false),
        // and / or (left to right, no precedence), not, parentheses
        (#"plan eq "pro" and age gt 18"#, true), (#"plan eq "free" or age gt 18"#, true),
        (#"plan eq "free" and age gt 18"#, false), (#"not (plan eq "pro")"#, false), (#"NOT (plan eq "free")"#, true),
        (#"(plan eq "free" or beta eq true) and age ge 30"#, true),
        (#"plan eq "pro" or age gt 99 and beta eq false"#, false),
        // semantic versions (a pre-release sorts before its release)
        ("appVersion lt 1.2.3", true), ("appVersion gt 1.2.2", true), ("appVersion eq 1.2.3-beta.1", true),
        // what ANTLR makes of typos: upper-case AND is not an operator (the rest is ignored), a doubled space
        // before a value is dropped, after an attribute it is an error
        (#"plan eq "pro" AND age gt 99"#, true), (#"plan eq  "pro""#, true), (#"plan eq "pro" garbage"#, true),
        (#"plan  eq "pro""#, false), (#"plan eq "free" or  plan eq "pro""#, true), ("email ew", false),
        // nikunjy keeps the previous left operand when a nested path hits a missing object
        ("age eq 30 and company.missing.deep eq 30", true),
    ]

    @Test(arguments: cases)
    func operatorKnownAnswer(query: String, expected: Bool) throws {
        #expect(try TestSupport.matches(query, Self.context) == expected, "\(query)")
    }

    @Test func goIntWidthDecidesIntegerLiteralOverflow() throws {
        // GOFF's WebAssembly build has a 32-bit `int`: 4294967326 wraps to 30 there.
        #expect(try TestSupport.matches("age eq 4294967326", Self.context, intBits: 32))
        #expect(try !TestSupport.matches("age eq 4294967326", Self.context, intBits: 64))
    }

    @Test func multiLineQueriesAreJoinedWithoutSeparator() throws {
        // Each line loses its leading spaces: without a trailing space the `or` is glued to the string and
        // ANTLR stops before it.
        #expect(try TestSupport.matches("plan eq \"free\" \n   or age gt 18", Self.context))
        #expect(try !TestSupport.matches("plan eq \"free\"\n   or age gt 18", Self.context))
    }
}
