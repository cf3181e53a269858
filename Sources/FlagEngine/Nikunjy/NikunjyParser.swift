// SPDX-License-Identifier: Apache-2.0

/// Parses the nikunjy/rules grammar into the tree ANTLR's generated parser builds, error recovery included,
/// because GOFF evaluates whatever tree ANTLR produced (its error listeners are removed):
/// ```
/// query : NOT? SP? '(' SP? query SP? ')' | query SP (and|or) SP query | attrPath SP 'pr'
///       | attrPath SP op SP value
/// ```
/// Reproduced from ANTLR's `DefaultErrorStrategy`: single-token deletion and insertion in `match`, deletion in
/// `sync`, the first-viable-alternative predictions of this grammar, and rule-level recovery that skips tokens
/// up to the follow set of the rule invocations (tokens skipped inside a parenthesis stay in that node, so a
/// skipped `not` negates it). Tokens after a complete top-level query are ignored. A node ANTLR leaves
/// incomplete becomes ``NikunjyExpression/broken`` (visiting it fails the whole query, as GOFF's visitor does).
struct NikunjyParser {
    private var tokens: [NikunjyToken]
    private var pos = 0
    /// Set when `match` or `sync` dropped a `not` token (it stays in the current node, see ``paren``).
    private var droppedNot = false

    static func parse(_ query: String) -> NikunjyExpression {
        var p = NikunjyParser(tokens: NikunjyLexer.tokenize(query))
        return p.query(precedence: 0, follow: TokenSet(), eofFollows: true)
    }

    private init(tokens: [NikunjyToken]) { self.tokens = tokens }

    private var la1: NikunjyTokenKind { tokens[pos].kind }
    private var la2: NikunjyTokenKind { pos + 1 < tokens.count ? tokens[pos + 1].kind : .eof }

    @discardableResult
    private mutating func take() -> NikunjyToken {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    /// Skips tokens up to one in `set` (or the end); `true` when a `not` was skipped.
    @discardableResult
    private mutating func consumeUntil(_ set: TokenSet) -> Bool {
        var sawNot = false
        while la1 != .eof, !set.contains(la1) {
            if take().kind == .not { sawNot = true }
        }
        return sawNot
    }

    /// ANTLR's `match` with inline recovery: the expected token, or a stray token before it (deleted), or the
    /// expected token missing while the current one may follow it (assumed); `false` on a real error.
    private mutating func match(_ kind: NikunjyTokenKind, thenMayCome next: TokenSet) -> Bool {
        if la1 == kind {
            take()
            return true
        }
        if la2 == kind {
            if take().kind == .not { droppedNot = true }
            take()
            return true
        }
        return next.contains(la1)
    }

    /// ANTLR's `sync` before an optional element: a stray token is dropped when the next one is expected;
    /// `false` when neither is.
    private mutating func sync(_ expected: TokenSet) -> Bool {
        if expected.contains(la1) { return true }
        guard expected.contains(la2) else { return false }
        if take().kind == .not { droppedNot = true }
        return true
    }

    static let queryStart = TokenSet([.not, .sp, .lparen, .attrName])
    static let valueStart = TokenSet([.boolean, .null, .version, .string, .double, .minus, .int, .lbracket])

    /// One `query` rule invocation with ANTLR's precedence (`0` at the top and inside parentheses, `4` for
    /// the right operand of `and`/`or`, which therefore never extends itself).
    private mutating func query(precedence: Int, follow: TokenSet, eofFollows: Bool) -> NikunjyExpression {
        var left: NikunjyExpression
        if !NikunjyParser.queryStart.contains(la1), NikunjyParser.queryStart.contains(la2) { take() }
        switch predictPrimary() {
        case .paren:
            switch paren(follow: follow, eofFollows: eofFollows) {
            case .complete(let node): left = node
            case .aborted(let node): return node
            }
        case .present:
            left = .present(attrPath())
            take()
            take()
        case .compare:
            let path = attrPath()
            take()
            guard case .op(let op) = take().kind else { return .broken }
            guard match(.sp, thenMayCome: NikunjyParser.valueStart) else {
                consumeUntil(follow)
                return .broken
            }
            let literal = value(follow: follow.union([.sp]))
            left = literal.map { .compare(path, op, $0) } ?? .broken
        case nil:
            consumeUntil(follow)
            return .broken
        }
        while precedence <= 3, la1 == .sp, la2 == .logical {
            take()
            let isOr = take().text == "or"
            guard match(.sp, thenMayCome: NikunjyParser.queryStart) else {
                consumeUntil(follow)
                return .logical(isOr: isOr, left, .broken)
            }
            let right = query(precedence: 4, follow: follow.union([.sp]), eofFollows: eofFollows)
            left = .logical(isOr: isOr, left, right)
        }
        return left
    }

    private enum PrimaryKind { case paren, present, compare }

    /// The alternative ANTLR's prediction picks: the first token decides a parenthesis; an attribute path is
    /// followed by `sp pr` or `sp op`, anything else is a syntax error.
    private func predictPrimary() -> PrimaryKind? {
        switch la1 {
        case .not, .sp, .lparen:
            return .paren
        case .attrName:
            var i = pos + 1
            while i + 1 < tokens.count, tokens[i].kind == .dot, tokens[i + 1].kind == .attrName { i += 2 }
            guard i + 1 < tokens.count, tokens[i].kind == .sp else { return nil }
            switch tokens[i + 1].kind {
            case .pr: return .present
            case .op: return .compare
            default: return nil
            }
        default:
            return nil
        }
    }

    private mutating func attrPath() -> [String] {
        var path = [take().text]
        while la1 == .dot {
            take()
            path.append(take().text)
        }
        return path
    }

    private enum ParenResult {
        /// The parenthesis parsed (possibly with an assumed `(` or `)`); the enclosing query goes on.
        case complete(NikunjyExpression)
        /// An error ended the enclosing query invocation, after skipping to its follow set.
        case aborted(NikunjyExpression)
    }

    private mutating func paren(follow: TokenSet, eofFollows: Bool) -> ParenResult {
        var negated = false
        droppedNot = false
        defer { droppedNot = false }
        if la1 == .not {
            take()
            negated = true
            guard sync(TokenSet([.sp, .lparen])) else { return .aborted(.broken) }
        }
        if la1 == .sp { take() }
        guard match(.lparen, thenMayCome: NikunjyParser.queryStart) else {
            _ = consumeUntil(follow)
            return .aborted(.broken)
        }
        if droppedNot { negated = true }
        guard sync(NikunjyParser.queryStart) else {
            consumeUntil(follow)
            return .aborted(.broken)
        }
        if la1 == .sp {
            // ANTLR predicts whether this space belongs to `SP?` or starts the inner query (`SP? '('`).
            guard [.not, .lparen, .attrName, .sp].contains(la2) else {
                consumeUntil(follow)
                return .aborted(.broken)
            }
            take()
        }
        let inner = query(precedence: 0, follow: follow.union([.sp, .rparen]), eofFollows: false)
        droppedNot = false
        guard sync(TokenSet([.sp, .rparen])) else {
            if consumeUntil(follow) { negated = true }
            return .aborted(.paren(negated: negated, inner))
        }
        if la1 == .sp { take() }
        var afterParen = follow.union([.sp])
        if eofFollows { afterParen.insert(.eof) }
        if match(.rparen, thenMayCome: afterParen) {
            return .complete(.paren(negated: negated || droppedNot, inner))
        }
        if droppedNot { negated = true }
        if consumeUntil(follow) { negated = true }
        return .aborted(.paren(negated: negated, inner))
    }

    /// The `value` rule; `nil` when ANTLR leaves it without a usable alternative (GOFF's visitor then panics).
    private mutating func value(follow: TokenSet) -> NikunjyLiteral? {
        if !NikunjyParser.valueStart.contains(la1) {
            guard NikunjyParser.valueStart.contains(la2) else {
                consumeUntil(follow)
                return nil
            }
            take()
        }
        let t = tokens[pos]
        switch t.kind {
        case .boolean:
            take()
            return .bool(t.text == "true")
        case .null:
            take()
            return .null
        case .version:
            take()
            return .version(t.text)
        case .string:
            take()
            return .string(lowered: GoStrings.lower(String(t.text.dropFirst().dropLast())))
        case .double:
            take()
            return .double(GoStrconv.parseFloat(t.text))
        case .minus, .int:
            return long()
        default:
            return list(follow: follow)
        }
    }

    /// `'-'? INT EXP?`, parsed by `strconv.ParseInt` from the node's text (an exponent, or any recovered
    /// token inside, makes that fail).
    private mutating func long() -> NikunjyLiteral {
        var text = ""
        var clean = true
        if la1 == .minus { text = take().text }
        if la1 == .int {
            text += take().text
        } else if la2 == .int {
            take()
            take()
            clean = false
        } else {
            return .long(nil)
        }
        if la1 == .exp {
            take()
            clean = false
        }
        return .long(clean ? GoStrconv.parseInt(text) : nil)
    }

    /// `[` items `]` where every item has the first item's kind. A list ANTLR cannot continue ends at the
    /// last good item (the rest is skipped); a missing item leaves an empty node (GOFF's visitor panics).
    private mutating func list(follow: TokenSet) -> NikunjyLiteral? {
        let kind = la2
        guard kind == .int || kind == .double || kind == .string else {
            consumeUntil(follow)
            return nil
        }
        take()
        var texts: [String] = []
        while true {
            if la1 != kind {
                guard la2 == kind else { return nil }
                take()
            }
            texts.append(take().text)
            if la1 == .comma {
                take()
                continue
            }
            if la1 == .rbracket {
                take()
            } else {
                consumeUntil(follow)
            }
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
            return .strings(texts.map { Array(String($0.dropFirst().dropLast()).utf8) })
        }
    }
}
