// SPDX-License-Identifier: Apache-2.0

/// Single-pass recursive-descent JSON reader over a byte buffer, with Go `encoding/json` semantics:
/// RFC 8259 grammar, Go's scanner error wording, invalid UTF-8 and lone surrogates replaced by U+FFFD,
/// duplicate keys resolved as "last wins", numbers as `float64`.
///
/// The buffer must stay valid while the scanner is used (callers wrap it in `withUnsafeBufferPointer`).
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos: Int = 0
    var depth: Int = 0
    let maxDepth: Int
    /// Reused buffer for strings that need unescaping or UTF-8 repair.
    var scratch: [UInt8] = []
    /// The first number that overflowed `float64`; Go reports it only once the whole value is known to be
    /// syntactically valid, so it is thrown after parsing.
    var deferredError: JSONParseError?

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    var isAtEnd: Bool { pos >= bytes.count }

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    /// The current byte; throws "unexpected end" at the end of the input.
    @inline(__always)
    func current() throws(JSONParseError) -> UInt8 {
        guard pos < bytes.count else { throw .unexpectedEnd(at: bytes.count) }
        return bytes[pos]
    }

    /// Parses the value starting at `pos` (no leading whitespace).
    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        let c = try current()
        switch c {
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        default:
            throw .invalidCharacter(c, at: pos, "looking for beginning of value")
        }
    }

    mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > maxDepth {
            throw JSONParseError(code: .exceededMaxDepth, offset: pos, message: "exceeded max depth")
        }
    }

    /// Parses an object starting at `{`; duplicate keys keep the last value (at the first key's position).
    mutating func parseObject() throws(JSONParseError) -> JSONObject {
        try enterContainer()
        pos += 1
        skipWhitespace()
        if try current() == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return JSONObject()
        }
        var members: [JSONObject.Member] = []
        members.reserveCapacity(8)
        var index: [GoStringKey: Int]?
        while true {
            let key = try parseObjectKey()
            let value = try parseValue()
            Self.upsert(&members, &index, key: key, value: value)
            if try endOfMember(closing: UInt8(ascii: "}"), context: "after object key:value pair") { break }
        }
        depth -= 1
        return JSONObject(uniqueMembers: members)
    }

    /// Reads `"key"` `:` and the whitespace after the colon.
    mutating func parseObjectKey() throws(JSONParseError) -> String {
        let c = try current()
        guard c == UInt8(ascii: "\"") else {
            throw .invalidCharacter(c, at: pos, "looking for beginning of object key string")
        }
        let key = try parseString()
        skipWhitespace()
        let colon = try current()
        guard colon == UInt8(ascii: ":") else { throw .invalidCharacter(colon, at: pos, "after object key") }
        pos += 1
        skipWhitespace()
        return key
    }

    /// After a member or element: consumes `,` (and whitespace, returns false) or the closing byte (returns true).
    mutating func endOfMember(closing: UInt8, context: String) throws(JSONParseError) -> Bool {
        skipWhitespace()
        let c = try current()
        if c == UInt8(ascii: ",") {
            pos += 1
            skipWhitespace()
            return false
        }
        guard c == closing else { throw .invalidCharacter(c, at: pos, context) }
        pos += 1
        return true
    }

    static func upsert(
        _ members: inout [JSONObject.Member],
        _ index: inout [GoStringKey: Int]?,
        key: String,
        value: JSONValue
    ) {
        if index == nil, members.count >= 16 {
            var built: [GoStringKey: Int] = [:]
            built.reserveCapacity(members.count * 2)
            for (i, member) in members.enumerated() { built[GoStringKey(string: member.key)] = i }
            index = built
        }
        if index != nil {
            let k = GoStringKey(string: key)
            if let i = index?[k] {
                members[i].value = value
            } else {
                index?[k] = members.count
                members.append(JSONObject.Member(key: key, value: value))
            }
            return
        }
        let n = key.utf8.count
        for i in members.indices where members[i].key.utf8.count == n && members[i].key.utf8.elementsEqual(key.utf8) {
            members[i].value = value
            return
        }
        members.append(JSONObject.Member(key: key, value: value))
    }

    /// Parses an array starting at `[`.
    mutating func parseArray() throws(JSONParseError) -> [JSONValue] {
        try enterContainer()
        pos += 1
        skipWhitespace()
        if try current() == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return []
        }
        var elements: [JSONValue] = []
        while true {
            elements.append(try parseValue())
            if try endOfMember(closing: UInt8(ascii: "]"), context: "after array element") { break }
        }
        depth -= 1
        return elements
    }

    /// Consumes `word` (`true`, `false` or `null`) starting at `pos`.
    mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        let base = word.utf8Start
        pos += 1
        for i in 1..<count {
            let expected = base[i]
            let c = try current()
            guard c == expected else {
                let name = String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
                let quoted = "'" + String(UnicodeScalar(expected)) + "'"
                throw .invalidCharacter(c, at: pos, "in literal \(name) (expecting \(quoted))")
            }
            pos += 1
        }
    }
}
