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

extension NikunjyTokenKind {
    /// A distinct bit per kind (all operators share one), for ``TokenSet``.
    var bit: UInt64 {
        switch self {
        case .lparen: return 1 << 0
        case .rparen: return 1 << 1
        case .pr: return 1 << 2
        case .dot: return 1 << 3
        case .minus: return 1 << 4
        case .lbracket: return 1 << 5
        case .rbracket: return 1 << 6
        case .not: return 1 << 7
        case .logical: return 1 << 8
        case .boolean: return 1 << 9
        case .null: return 1 << 10
        case .op: return 1 << 11
        case .attrName: return 1 << 12
        case .version: return 1 << 13
        case .string: return 1 << 14
        case .double: return 1 << 15
        case .int: return 1 << 16
        case .exp: return 1 << 17
        case .newline: return 1 << 18
        case .comma: return 1 << 19
        case .sp: return 1 << 20
        case .eof: return 1 << 21
        }
    }
}
