// SPDX-License-Identifier: Apache-2.0

/// The ANTLR lexer of nikunjy/rules: longest match, ties resolved by rule order (implicit literal tokens
/// first), unrecognised characters dropped.
enum NikunjyLexer {
    static func tokenize(_ query: String) -> [NikunjyToken] {
        let bytes = Array(query.utf8)
        var tokens: [NikunjyToken] = []
        var pos = 0
        while pos < bytes.count {
            if let (kind, len) = longestMatch(bytes, pos) {
                tokens.append(NikunjyToken(kind: kind, text: String(decoding: bytes[pos..<pos + len], as: UTF8.self)))
                pos += len
            } else {
                pos = min(bytes.count, pos + deadPrefix(bytes, pos) + 1)
            }
        }
        tokens.append(NikunjyToken(kind: .eof, text: ""))
        return tokens
    }

    /// The operator tokens' spellings.
    static let operatorWords: [(NikunjyOperator, [String])] = [
        (.in, ["IN", "in"]), (.eq, ["eq", "EQ", "=="]), (.ne, ["ne", "NE", "!="]), (.gt, ["gt", "GT", ">"]),
        (.lt, ["lt", "LT", "<"]), (.ge, ["ge", "GE", ">="]), (.le, ["le", "LE", "<="]), (.co, ["co", "CO"]),
        (.sw, ["sw", "SW"]), (.ew, ["ew", "EW"]),
    ]

    /// How far ANTLR's lexer gets before it fails when no rule matches at `p` (it then also drops the
    /// character it failed on): an unterminated string runs to the end, a lone `!` or `=` is one character
    /// into `!=` / `==`.
    static func deadPrefix(_ b: [UInt8], _ p: Int) -> Int {
        switch b[p] {
        case UInt8(ascii: "\""):
            var q = p + 1
            while q < b.count {
                if b[q] == UInt8(ascii: "\\") {
                    guard q + 1 < b.count else { return q + 1 - p }
                    let e = b[q + 1]
                    if "\"\\/bfnrt".utf8.contains(e) {
                        q += 2
                    } else if e == UInt8(ascii: "u") {
                        var k = 2
                        while k <= 5, q + k < b.count, isHex(b[q + k]) { k += 1 }
                        if k <= 5 { return q + k - p }
                        q += 6
                    } else {
                        return q + 1 - p
                    }
                } else {
                    q += 1
                }
            }
            return b.count - p
        case UInt8(ascii: "!"), UInt8(ascii: "="):
            return 1
        default:
            return 0
        }
    }

    static func isHex(_ h: UInt8) -> Bool { isDigit(h) || (h | 0x20 >= 97 && h | 0x20 <= 102) }

    static func isAlpha(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// The longest token at `p` (rule order breaks ties), or `nil` when no rule matches.
    static func longestMatch(_ b: [UInt8], _ p: Int) -> (NikunjyTokenKind, Int)? {
        var best: (NikunjyTokenKind, Int)?
        func offer(_ kind: NikunjyTokenKind, _ len: Int?) {
            guard let len, len > 0 else { return }
            if len > (best?.1 ?? 0) { best = (kind, len) }
        }
        let c = b[p]
        switch c {
        case UInt8(ascii: "("): offer(.lparen, 1)
        case UInt8(ascii: ")"): offer(.rparen, 1)
        case UInt8(ascii: "."): offer(.dot, 1)
        case UInt8(ascii: "-"): offer(.minus, 1)
        case UInt8(ascii: "["): offer(.lbracket, 1)
        case UInt8(ascii: "]"): offer(.rbracket, 1)
        default: break
        }
        if literal(b, p, "pr") { offer(.pr, 2) }
        for w in ["not", "NOT"] where literal(b, p, w) { offer(.not, 3) }
        for w in ["and", "or"] where literal(b, p, w) { offer(.logical, w.utf8.count) }
        for w in ["true", "false"] where literal(b, p, w) { offer(.boolean, w.utf8.count) }
        if literal(b, p, "null") { offer(.null, 4) }
        for (op, words) in operatorWords {
            for w in words where literal(b, p, w) { offer(.op(op), w.utf8.count) }
        }
        if isAlpha(c) {
            var q = p + 1
            while q < b.count, isAlpha(b[q]) || isDigit(b[q]) || b[q] == 45 || b[q] == 95 || b[q] == 58 { q += 1 }
            offer(.attrName, q - p)
        }
        offer(.version, version(b, p))
        offer(.string, string(b, p))
        offer(.double, double(b, p))
        offer(.int, int(b, p))
        offer(.exp, exp(b, p))
        if c == 10 { offer(.newline, 1) }
        if c == UInt8(ascii: ",") {
            var q = p + 1
            while q < b.count, b[q] == 32 { q += 1 }
            offer(.comma, q - p)
        }
        if c == 32 {
            var q = p + 1
            while q < b.count, b[q] == 10 { q += 1 }
            offer(.sp, q - p)
        }
        return best
    }

    static func literal(_ b: [UInt8], _ p: Int, _ w: String) -> Bool {
        let u = Array(w.utf8)
        guard p + u.count <= b.count else { return false }
        for k in 0..<u.count where b[p + k] != u[k] { return false }
        return true
    }

    static func int(_ b: [UInt8], _ p: Int) -> Int? {
        guard p < b.count, isDigit(b[p]) else { return nil }
        if b[p] == 48 { return 1 }
        var q = p + 1
        while q < b.count, isDigit(b[q]) { q += 1 }
        return q - p
    }

    static func exp(_ b: [UInt8], _ p: Int) -> Int? {
        guard p < b.count, b[p] == UInt8(ascii: "e") || b[p] == UInt8(ascii: "E") else { return nil }
        var q = p + 1
        if q < b.count, b[q] == UInt8(ascii: "+") || b[q] == UInt8(ascii: "-") { q += 1 }
        guard let n = int(b, q) else { return nil }
        return q + n - p
    }

    static func double(_ b: [UInt8], _ p: Int) -> Int? {
        var q = p
        if q < b.count, b[q] == UInt8(ascii: "-") { q += 1 }
        guard let n = int(b, q) else { return nil }
        q += n
        guard q < b.count, b[q] == UInt8(ascii: ".") else { return nil }
        q += 1
        let digitsStart = q
        while q < b.count, isDigit(b[q]) { q += 1 }
        guard q > digitsStart else { return nil }
        if let e = exp(b, q) { q += e }
        return q - p
    }

    /// `INT.INT.INT`, with an optional semver pre-release (`-...`) and build (`+...`) part.
    static func version(_ b: [UInt8], _ p: Int) -> Int? {
        var q = p
        for part in 0..<3 {
            guard let n = int(b, q) else { return nil }
            q += n
            if part < 2 {
                guard q < b.count, b[q] == UInt8(ascii: ".") else { return nil }
                q += 1
            }
        }
        func ident(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) || c == 45 || c == 46 }
        for marker in [UInt8(ascii: "-"), UInt8(ascii: "+")] {
            if q + 1 < b.count, b[q] == marker, ident(b[q + 1]), b[q + 1] != 46 {
                q += 1
                while q < b.count, ident(b[q]) { q += 1 }
            }
        }
        return q - p
    }

    static func string(_ b: [UInt8], _ p: Int) -> Int? {
        guard b[p] == UInt8(ascii: "\"") else { return nil }
        var q = p + 1
        while q < b.count {
            let c = b[q]
            if c == UInt8(ascii: "\"") { return q + 1 - p }
            if c == UInt8(ascii: "\\") {
                guard q + 1 < b.count else { return nil }
                let e = b[q + 1]
                if "\"\\/bfnrt".utf8.contains(e) {
                    q += 2
                } else if e == UInt8(ascii: "u") {
                    guard q + 5 < b.count else { return nil }
                    for k in 2...5 {
                        let h = b[q + k]
                        guard isDigit(h) || (h | 0x20 >= 97 && h | 0x20 <= 102) else { return nil }
                    }
                    q += 6
                } else {
                    return nil
                }
            } else {
                q += 1
            }
        }
        return nil
    }
}
