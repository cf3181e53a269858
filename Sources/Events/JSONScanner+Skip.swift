// SPDX-License-Identifier: Apache-2.0

extension JSONScanner {
    /// Checks the syntax of the value at `pos` and moves past it without building it (Go's decoder skips the
    /// values of unknown fields the same way: syntax only, no number conversion).
    mutating func skipValue() throws(JSONParseError) {
        let c = try current()
        switch c {
        case UInt8(ascii: "{"):
            try enterContainer()
            pos += 1
            skipWhitespace()
            if try current() == UInt8(ascii: "}") {
                pos += 1
            } else {
                while true {
                    let k = try current()
                    guard k == UInt8(ascii: "\"") else {
                        throw .invalidCharacter(k, at: pos, "looking for beginning of object key string")
                    }
                    try skipString()
                    skipWhitespace()
                    let colon = try current()
                    guard colon == UInt8(ascii: ":") else {
                        throw .invalidCharacter(colon, at: pos, "after object key")
                    }
                    pos += 1
                    skipWhitespace()
                    try skipValue()
                    if try endOfMember(closing: UInt8(ascii: "}"), context: "after object key:value pair") { break }
                }
            }
            depth -= 1
        case UInt8(ascii: "["):
            try enterContainer()
            pos += 1
            skipWhitespace()
            if try current() == UInt8(ascii: "]") {
                pos += 1
            } else {
                while true {
                    try skipValue()
                    if try endOfMember(closing: UInt8(ascii: "]"), context: "after array element") { break }
                }
            }
            depth -= 1
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try scanNumber()
        case UInt8(ascii: "t"):
            try expectLiteral("true")
        case UInt8(ascii: "f"):
            try expectLiteral("false")
        case UInt8(ascii: "n"):
            try expectLiteral("null")
        default:
            throw .invalidCharacter(c, at: pos, "looking for beginning of value")
        }
    }

    /// Checks the syntax of the string at `pos` (its opening quote) and moves past it.
    mutating func skipString() throws(JSONParseError) {
        pos += 1
        let end = bytes.count
        while pos < end {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                return
            }
            if c == UInt8(ascii: "\\") {
                pos += 1
                let e = try current()
                pos += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    continue
                case UInt8(ascii: "u"):
                    for _ in 0..<4 {
                        let h = try current()
                        guard h &- UInt8(ascii: "0") < 10 || (h | 0x20) &- UInt8(ascii: "a") < 6 else {
                            throw .invalidCharacter(h, at: pos, "in \\u hexadecimal character escape")
                        }
                        pos += 1
                    }
                default:
                    throw .invalidCharacter(e, at: pos - 1, "in string escape code")
                }
            } else if c < 0x20 {
                throw .invalidCharacter(c, at: pos, "in string literal")
            } else {
                pos += 1
            }
        }
        throw .unexpectedEnd(at: end)
    }
}
