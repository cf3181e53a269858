// SPDX-License-Identifier: Apache-2.0

/// A parsed nikunjy/rules query (the parse tree GOFF's visitor walks).
indirect enum NikunjyExpression: Sendable {
    /// `left and|or right`, evaluated left to right with short-circuit.
    case logical(isOr: Bool, NikunjyExpression, NikunjyExpression)
    /// `[not] ( query )`.
    case paren(negated: Bool, NikunjyExpression)
    /// `attrPath pr`.
    case present([String])
    /// `attrPath op value`.
    case compare([String], NikunjyOperator, NikunjyLiteral)
    /// A part the ANTLR parser could not build: visiting it fails the whole query (GOFF: panic or
    /// "Invalid rule", so the rule does not match).
    case broken
}
