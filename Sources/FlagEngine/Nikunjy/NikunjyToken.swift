// SPDX-License-Identifier: Apache-2.0

/// Tokens of the nikunjy/rules query language (its ANTLR lexer, rule for rule).
enum NikunjyTokenKind: Equatable {
    case lparen, rparen, pr, dot, minus, lbracket, rbracket
    case not, logical, boolean, null, op(NikunjyOperator)
    case attrName, version, string, double, int, exp, newline, comma, sp
    case eof
}

struct NikunjyToken {
    var kind: NikunjyTokenKind
    var text: String
}
