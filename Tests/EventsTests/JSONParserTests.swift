// SPDX-License-Identifier: Apache-2.0

import Events
import Testing

/// Parsing known answers, checked against Go's `json.Unmarshal` into `interface{}`.
@Suite struct JSONParserTests {
    @Test func parsesAllKinds() throws {
        let value = try JSONParser.parse(#" {"a":[1,-2.5e3,"x",true,false,null],"b":{}} "#)
        let expected: JSONValue = ["a": [1, -2500, "x", true, false, nil], "b": [:]]
        #expect(value == expected)
    }

    @Test func objectsKeepInsertionOrder() throws {
        let value = try JSONParser.parse(#"{"z":1,"a":2,"m":3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test func duplicateKeysKeepTheLastValue() throws {
        let value = try JSONParser.parse(#"{"a":1,"b":2,"a":3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value.objectValue?["a"] == 3)
        #expect(goJSON(value) == #"{"a":3,"b":2}"#)
    }

    @Test func duplicateKeysInLargeObjects() throws {
        let members = (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let value = try JSONParser.parse("{\(members),\"k7\":\"last\",\"k39\":null}")
        #expect(value.objectValue?.count == 40)
        #expect(value.objectValue?["k7"] == "last")
        #expect(value.objectValue?["k39"] == .null)
    }

    @Test func keysDifferingOnlyInCaseAreDistinct() throws {
        #expect(goJSON(try JSONParser.parse(#"{"A":1,"a":2}"#)) == #"{"A":1,"a":2}"#)
    }

    @Test func keysAreComparedByBytesNotCanonicalEquivalence() throws {
        let value = try JSONParser.parse("{\"\u{E9}\":1,\"e\u{301}\":2}")
        #expect(value.objectValue?.count == 2)
    }

    @Test func numbersAreFloat64() throws {
        #expect(try JSONParser.parse("12345678901234567890") == .number(12_345_678_901_234_567_168))
        #expect(goJSON(try JSONParser.parse("12345678901234567890")) == "12345678901234567000")
        #expect(try JSONParser.parse("0.1e1") == .number(1))
        #expect(try JSONParser.parse("[1e-400]") == [0])
        let negativeZero = try JSONParser.parse("-0").numberValue
        #expect(negativeZero?.sign == .minus)
        #expect(try JSONParser.parse("0.30000000000000004") == .number(0.30000000000000004))
        #expect(try JSONParser.parse("1.0000000000000000000000001") == .number(1))
        #expect(try JSONParser.parse("9007199254740993") == .number(9_007_199_254_740_992))
    }

    @Test func numberBeyondFloat64IsAnError() {
        let error = parseError(utf8("[1, 1e400]"))
        #expect(error?.code == .numberOutOfRange)
        #expect(error?.offset == 4)
    }

    @Test func syntaxErrorsWinOverNumberRange() {
        #expect(parseError(utf8("[1e400,]"))?.code == .invalidCharacter)
    }

    @Test func escapes() throws {
        #expect(try JSONParser.parse(#""\"\\\/\b\f\n\r\t\u00e9\u0000""#) == .string("\"\\/\u{8}\u{C}\n\r\té\u{0}"))
    }

    @Test func surrogatePairsAndLoneSurrogates() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == "😀")
        #expect(try JSONParser.parse(#""\ud83d""#) == "\u{FFFD}")
        #expect(try JSONParser.parse(#""\ude00\ud83d""#) == "\u{FFFD}\u{FFFD}")
        #expect(try JSONParser.parse(#""\ud83d\ud83d\ude00""#) == "\u{FFFD}😀")
        #expect(try JSONParser.parse(#""\ud83dx""#) == "\u{FFFD}x")
        #expect(try JSONParser.parse(#""\uD83D\uDE00""#) == "😀")
    }

    @Test func invalidUTF8IsReplacedPerByteAsGoDoes() throws {
        #expect(try JSONParser.parse(utf8("\"a") + [0xFF] + utf8("b\"")) == "a\u{FFFD}b")
        #expect(try JSONParser.parse([0x22, 0xE2, 0x84, 0x22]) == "\u{FFFD}\u{FFFD}")
        #expect(try JSONParser.parse([0x22, 0xF0, 0x9F, 0x98, 0x22]) == "\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(try JSONParser.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) == "\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(try JSONParser.parse([0x22, 0xC0, 0xAF, 0x22]) == "\u{FFFD}\u{FFFD}")
        #expect(try JSONParser.parse([0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22]) == "😀")
    }

    /// Messages and `goOffset` are those of Go's `json.Unmarshal` `SyntaxError`.
    @Test(
        arguments: [
            ("[1,]", 4, "invalid character ']' looking for beginning of value"),
            (#"{"a" 1}"#, 6, "invalid character '1' after object key"),
            (#"{"a":1 "b":2}"#, 8, "invalid character '\"' after object key:value pair"),
            ("[1 2]", 4, "invalid character '2' after array element"),
            ("{,}", 2, "invalid character ',' looking for beginning of object key string"),
            (#""\x""#, 3, "invalid character 'x' in string escape code"),
            (#""\u12g4""#, 6, "invalid character 'g' in \\u hexadecimal character escape"),
            ("\"a\u{1}\"", 3, "invalid character '\\x01' in string literal"),
            ("-x", 2, "invalid character 'x' in numeric literal"),
            ("1.x", 3, "invalid character 'x' after decimal point in numeric literal"),
            ("1ex", 3, "invalid character 'x' in exponent of numeric literal"),
            ("trux", 4, "invalid character 'x' in literal true (expecting 'e')"),
            ("01", 2, "invalid character '1' after top-level value"),
            (#"{"a":1}x"#, 8, "invalid character 'x' after top-level value"),
            ("'a'", 1, "invalid character '\\'' looking for beginning of value"),
            ("nulL", 4, "invalid character 'L' in literal null (expecting 'l')"),
        ] as [(String, Int, String)])
    func syntaxErrorsAsGo(input: String, goOffset: Int, message: String) {
        let error = parseError(utf8(input))
        #expect(error?.code == .invalidCharacter)
        #expect(error?.goOffset == goOffset)
        #expect(error?.offset == goOffset - 1)
        #expect(error?.message == message)
    }

    @Test func nonASCIIBytesInMessagesAreQuotedAsGo() {
        #expect(parseError([0xE9])?.message == "invalid character 'é' looking for beginning of value")
        #expect(parseError([0x80])?.message == "invalid character '\\u0080' looking for beginning of value")
        #expect(parseError([0x7F])?.message == "invalid character '\\x7f' looking for beginning of value")
        #expect(parseError([0x0A, 0x0C])?.message == "invalid character '\\f' looking for beginning of value")
    }

    @Test(arguments: ["", "  ", "[1,", #"{"a":"#, #""abc"#, "tru", "-", "1.", "1e+", #""\u12"#, "[", #"{"a""#])
    func truncatedInput(input: String) {
        let error = parseError(utf8(input))
        #expect(error?.code == .unexpectedEndOfInput)
        #expect(error?.offset == input.utf8.count)
        #expect(error?.message == "unexpected end of JSON input")
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try JSONParser.parse(ok).arrayValue?.count == 1)
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let error = parseError(utf8(tooDeep))
        #expect(error?.code == .exceededMaxDepth)
        #expect(error?.offset == 512)
        #expect(error?.message == "exceeded max depth")
        #expect(throws: JSONParseError.self) { try JSONParser.parse(#"{"a":{"b":1}}"#, maxDepth: 1) }
    }

    @Test func descriptionNamesTheOffset() {
        #expect(parseError(utf8("[1 2]"))?.description == "invalid character '2' after array element at byte offset 3")
    }

    @Test func parsesFromRawMemory() throws {
        let bytes = utf8(#"{"k":"v"}"#)
        let value = try bytes.withUnsafeBytes { raw throws(JSONParseError) in try JSONParser.parse(raw) }
        #expect(value == ["k": "v"])
    }

    @Test func roundTripIsGoCanonical() throws {
        let input = #"{"b":[1.50,2E2,-0.0],"a":"\u003c\u00e9\ud83d\ude00","c":{"y":null,"x":true}}"#
        #expect(goJSON(try JSONParser.parse(input)) == #"{"a":"\u003cé😀","b":[1.5,200,-0],"c":{"x":true,"y":null}}"#)
    }
}
