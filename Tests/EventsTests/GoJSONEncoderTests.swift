// SPDX-License-Identifier: Apache-2.0

import Events
import Testing

/// Known answers from Go's `encoding/json.Marshal` (see /work/notes/events-go-oracle/main.go; `\b` and `\f` are
/// those of Go >= 1.22).
@Suite struct GoJSONEncoderTests {
    /// (Go source literal, Go's output); the literal is converted with the correctly rounded `Double(String)`
    /// (as Go's `strconv.ParseFloat` does) to avoid lossy Swift float literals.
    @Test(
        arguments: [
            ("0.1", "0.1"), ("1e21", "1e+21"), ("1e-7", "1e-7"), ("100", "100"), ("-0", "-0"), ("0", "0"),
            ("12345678901234567890", "12345678901234567000"), ("1e20", "100000000000000000000"),
            ("123456789012345678901", "123456789012345680000"), ("1e-6", "0.000001"), ("1.5e-10", "1.5e-10"),
            ("5e-324", "5e-324"), ("1.7976931348623157e308", "1.7976931348623157e+308"),
            ("0.000001234", "0.000001234"), ("9007199254740993", "9007199254740992"), ("-2.5", "-2.5"),
            ("1e100", "1e+100"), ("3.141592653589793", "3.141592653589793"), ("1.7e9", "1700000000"),
            ("1795638562.5", "1795638562.5"), ("0.3", "0.3"), ("0.6666666666666666", "0.6666666666666666"),
            ("1e22", "1e+22"), ("-1e-300", "-1e-300"),
        ] as [(String, String)])
    func floatsAsGo(literal: String, expected: String) throws {
        let value = try #require(Double(literal))
        #expect(goJSON(.number(value)) == expected)
    }

    @Test func nonFiniteFloatsBecomeNull() {
        #expect(goJSON(.number(.infinity)) == "null")
        #expect(goJSON(.number(.nan)) == "null")
    }

    @Test func integers() {
        var out: [UInt8] = []
        GoJSONEncoder.appendInt(Int64.min, to: &out)
        out.append(UInt8(ascii: " "))
        GoJSONEncoder.appendInt(Int64.max, to: &out)
        out.append(UInt8(ascii: " "))
        GoJSONEncoder.appendInt(0, to: &out)
        out.append(UInt8(ascii: " "))
        GoJSONEncoder.appendInt(-7, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "-9223372036854775808 9223372036854775807 0 -7")
    }

    @Test func htmlCharactersAreEscaped() {
        #expect(goJSON("<a&b>") == #""\u003ca\u0026b\u003e""#)
    }

    @Test func lineAndParagraphSeparatorsAreEscaped() {
        #expect(goJSON("a\u{2028}b\u{2029}") == #""a\u2028b\u2029""#)
    }

    @Test func controlCharacters() {
        #expect(goJSON("\u{0}\u{1}\u{1F}\u{7F}") == "\"\\u0000\\u0001\\u001f\u{7F}\"")
        #expect(goJSON("\u{8}\u{C}\n\r\t") == #""\b\f\n\r\t""#)
        #expect(goJSON("\"\\/") == #""\"\\/""#)
    }

    @Test func unicodeIsWrittenVerbatim() {
        #expect(goJSON("é€😀") == "\"é€😀\"")
    }

    @Test func invalidUTF8BytesBecomeReplacementEscapes() {
        let raw: [UInt8] = utf8("bad") + [0xFF, 0xE2, 0x84] + utf8("x")
        var out: [UInt8] = []
        raw.withUnsafeBufferPointer { GoJSONEncoder.appendString(utf8: $0, to: &out) }
        #expect(String(decoding: out, as: UTF8.self) == #""bad\ufffd\ufffd\ufffdx""#)
        out.removeAll()
        [0xED, 0xA0, 0x80].withUnsafeBufferPointer { GoJSONEncoder.appendString(utf8: $0, to: &out) }
        #expect(String(decoding: out, as: UTF8.self) == #""\ufffd\ufffd\ufffd""#)
    }

    @Test func mapKeysSortedByBytes() {
        let object: JSONValue = ["b": 1, "a": 2, "B": 3, "é": 4, "aa": 5, "": 6]
        #expect(goJSON(object) == #"{"":6,"B":3,"a":2,"aa":5,"b":1,"é":4}"#)
    }

    @Test func nestedValues() {
        let value: JSONValue = ["z": [1, "x", nil, true, ["k": false]], "a": [:], "m": []]
        #expect(goJSON(value) == #"{"a":{},"m":[],"z":[1,"x",null,true,{"k":false}]}"#)
    }

    @Test func appendsAfterExistingBytes() {
        var out = utf8("prefix:")
        GoJSONEncoder.append(["a": 1], to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #"prefix:{"a":1}"#)
    }
}
