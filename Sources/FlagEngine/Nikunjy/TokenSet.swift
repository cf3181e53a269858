// SPDX-License-Identifier: Apache-2.0

/// A set of token kinds (ANTLR's follow and recovery sets).
struct TokenSet {
    private var bits: UInt64 = 0

    init(_ kinds: [NikunjyTokenKind] = []) {
        for k in kinds { bits |= k.bit }
    }

    func contains(_ kind: NikunjyTokenKind) -> Bool { bits & kind.bit != 0 }

    mutating func insert(_ kind: NikunjyTokenKind) { bits |= kind.bit }

    func union(_ kinds: [NikunjyTokenKind]) -> TokenSet {
        var copy = self
        for k in kinds { copy.insert(k) }
        return copy
    }
}
