// SPDX-License-Identifier: Apache-2.0

/// Parses the nikunjy/rules grammar
/// (`query: [not] [sp] ( [sp] query [sp] ) | query sp and|or sp query | attrPath sp pr | attrPath sp op sp value`)
/// into the tree ANTLR builds, including the effect of its error recovery where GOFF's engine relies on it:
/// tokens after a complete query are ignored, a doubled space before an operand or a parenthesis is dropped,
/// a missing `)` or `]` is assumed (tokens ANTLR skips to resynchronise stay in the parenthesis node, so a
/// skipped `not` negates it), and a part that cannot be built becomes ``NikunjyExpression/broken``.
struct NikunjyParser {
    private var tokens: [NikunjyToken]
    private var pos = 0
    /// Set once ANTLR had to recover from a doubled space before a right operand (see ``query(recovery:)``).
    private var recoveredOperand = false

    static func parse(_ query: String) -> NikunjyExpression {
        var p = NikunjyParser(tokens: NikunjyLexer.tokenize(query))
        return p.query(recovery: [])
    }

    private init(tokens: [NikunjyToken]) { self.tokens = tokens }

    private var la1: NikunjyTokenKind { tokens[pos].kind }
    private var la2: NikunjyTokenKind { pos + 1 < tokens.count ? tokens[pos + 1].kind : .eof }

    private mutating func take() -> NikunjyToken {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    /// A query: one operand, then `sp and|or sp operand` as long as a logical operator follows.
    /// `recovery` is ANTLR's error-recovery set for this invocation (tokens that may follow it).
    private mutating func query(recovery: [NikunjyTokenKind]) -> NikunjyExpression {
        let first = primary(recovery: recovery)
        if case .broken = first { return .broken }
        return chain(first, recovery: recovery)
    }

    /// Extends `left` with `sp and|or sp operand` as long as a logical operator follows (left-associative).
    private mutating func chain(_ start: NikunjyExpression, recovery: [NikunjyTokenKind]) -> NikunjyExpression {
        var left = start
        while la1 == .sp, la2 == .logical {
            _ = take()
            let isOr = take().text == "or"
            guard la1 == .sp else {
                left = .logical(isOr: isOr, left, .broken)
                return left
            }
            _ = take()
            let right: NikunjyExpression
            if la1 == .sp, la2 == .not || la2 == .attrName {
                // A doubled space here makes ANTLR's prediction fail and recover inside the right operand,
                // which then takes the rest of the chain: `a or  b and c` is `a or (b and c)`.
                _ = take()
                recoveredOperand = true
                right = query(recovery: recovery + [.sp])
            } else {
                right = primary(recovery: recovery + [.sp])
            }
            left = .logical(isOr: isOr, left, right)
            if case .broken = right { return left }
        }
        return left
    }

    /// Drops one stray space when the token after it is what the grammar expects (ANTLR's single-token deletion).
    private mutating func skipExtraSpace(_ expected: (NikunjyTokenKind) -> Bool) {
        if la1 == .sp, expected(la2) { _ = take() }
    }

    private mutating func primary(recovery: [NikunjyTokenKind]) -> NikunjyExpression {
        switch la1 {
        case .not, .lparen, .sp:
            return paren(recovery: recovery)
        case .attrName:
            return comparison()
        default:
            return .broken
        }
    }

    /// `[not] [sp] ( [sp] query [sp] )`. A missing `)` is assumed at the end of input or when the next token is
    /// `)`; otherwise ANTLR reports the error and skips to a token of the recovery set, keeping the node.
    private mutating func paren(recovery: [NikunjyTokenKind]) -> NikunjyExpression {
        var negated = false
        if la1 == .not {
            negated = true
            _ = take()
        }
        if la1 == .sp { _ = take() }
        skipExtraSpace { $0 == .lparen }
        guard la1 == .lparen else { return .broken }
        _ = take()
        if la1 == .sp { _ = take() }
        let outerRecovered = recoveredOperand
        recoveredOperand = false
        if la1 == .sp, la2 == .not || la2 == .lparen || la2 == .attrName {
            // A doubled space after `(`: ANTLR recovers, with the same after-effects as in `chain`.
            _ = take()
            recoveredOperand = true
        }
        var inner = query(recovery: recovery + [.sp, .rparen])
        let innerRecovered = recoveredOperand
        recoveredOperand = outerRecovered || innerRecovered
        if case .broken = inner { return .broken }
        if la1 == .sp { _ = take() }
        if la1 == .rparen {
            _ = take()
            if innerRecovered {
                // ANTLR is still recovering: the chain goes on inside this node past the `)`, and what
                // cannot be parsed after it is skipped into this node (a skipped `not` negates it).
                inner = chain(inner, recovery: recovery + [.sp, .rparen])
                if case .broken = inner { return .broken }
                while la1 != .eof, !recovery.contains(la1) {
                    if take().kind == .not { negated = true }
                }
            }
        } else if la2 == .rparen {
            _ = take()
            _ = take()
        } else if la1 == .sp || la1 == .eof || recovery.contains(la1) {
            // ANTLR's single-token insertion: what follows fits after a `)`, so the `)` is assumed.
        } else {
            // ANTLR adds the skipped tokens to the paren node, and its visitor asks that node for a NOT token.
            while la1 != .eof, !recovery.contains(la1) {
                if take().kind == .not { negated = true }
            }
        }
        return .paren(negated: negated, inner)
    }

    private mutating func comparison() -> NikunjyExpression {
        var path: [String] = [take().text]
        while la1 == .dot {
            _ = take()
            guard la1 == .attrName else { return .broken }
            path.append(take().text)
        }
        guard la1 == .sp else { return .broken }
        _ = take()
        if la1 == .pr {
            _ = take()
            return .present(path)
        }
        guard case .op(let op) = la1 else { return .broken }
        _ = take()
        guard la1 == .sp else { return .broken }
        _ = take()
        skipExtraSpace(NikunjyParser.startsValue)
        guard let literal = value() else { return .broken }
        return .compare(path, op, literal)
    }

    private static func startsValue(_ k: NikunjyTokenKind) -> Bool {
        switch k {
        case .boolean, .null, .version, .string, .double, .minus, .int, .lbracket: return true
        default: return false
        }
    }

    private mutating func value() -> NikunjyLiteral? {
        let t = take()
        switch t.kind {
        case .boolean: return .bool(t.text == "true")
        case .null: return .null
        case .version: return .version(t.text)
        case .string: return .string(String(t.text.dropFirst().dropLast()))
        case .double: return .double(GoStrconv.parseFloat(t.text))
        case .minus:
            guard la1 == .int else { return nil }
            return long(prefix: "-")
        case .int:
            pos -= 1
            return long(prefix: "")
        case .lbracket: return list()
        default: return nil
        }
    }

    private mutating func long(prefix: String) -> NikunjyLiteral {
        var text = prefix + take().text
        if la1 == .exp { text += take().text }
        return .long(GoStrconv.parseInt(text))
    }

    /// `[` items separated by `,` `]`; the item kind is fixed by the first item. A space after an item ends
    /// the list there (ANTLR assumes the missing `]`).
    private mutating func list() -> NikunjyLiteral? {
        let kind = la1
        guard kind == .int || kind == .double || kind == .string else { return nil }
        var texts: [String] = []
        while true {
            guard la1 == kind else { return nil }
            texts.append(take().text)
            if la1 == .comma {
                _ = take()
                continue
            }
            if la1 == .rbracket { _ = take() }
            break
        }
        switch kind {
        case .int:
            var values: [Int64] = []
            for t in texts {
                guard let v = GoStrconv.parseInt(t) else { return .ints(nil) }
                values.append(v)
            }
            return .ints(values)
        case .double:
            var values: [Double] = []
            for t in texts {
                guard let v = GoStrconv.parseFloat(t) else { return .doubles(nil) }
                values.append(v)
            }
            return .doubles(values)
        default:
            return .strings(texts.map { String($0.dropFirst().dropLast()) })
        }
    }
}
