// SPDX-License-Identifier: Apache-2.0

import Events
import Testing

@testable import FlagRetrieval

@Suite("JSON and TOML flag files, file formats")
struct JSONDecodingTests {
    private func json(_ text: String) throws -> FlagSet {
        try FlagFileDecoder.decode(Array(text.utf8), format: .json)
    }

    @Test("a JSON flag file decodes to flags in document order, the last duplicate key winning")
    func decodes() throws {
        let flags = try json(
            #"{"z-flag": {"variations": {"on": true}, "version": "1"}, "a-flag": {"disable": true}, "#
                + #""z-flag": {"version": "2"}}"#)
        #expect(flags.keys == ["z-flag", "a-flag"])
        #expect(flags["z-flag"] == ["version": "2"])
        #expect(flags["a-flag"] == ["disable": true])
        #expect(flags.sortedKeys == ["a-flag", "z-flag"])
    }

    @Test("null is no flag; a flag that is not an object fails the whole file with Go's wording")
    func shapes() async throws {
        #expect(try json("null").isEmpty)
        #expect(try json("{}").isEmpty)
        let array = await retrievalError { try json("[]") }
        #expect(array?.message == "json: cannot unmarshal array into Go value of type map[string]dto.DTO")
        let scalar = await retrievalError { try json(#"{"a": "x"}"#) }
        #expect(scalar?.message == #"json: cannot unmarshal string into Go value of type dto.DTO (flag "a")"#)
    }

    @Test("syntax errors carry encoding/json's message")
    func syntaxErrors() async {
        let empty = await retrievalError { try json("") }
        #expect(empty?.code == .invalidFlagFile)
        #expect(empty?.message == "unexpected end of JSON input")
        let bad = await retrievalError { try json(#"{"a": }"#) }
        #expect(bad?.message == "invalid character '}' looking for beginning of value")
    }

    @Test("TOML is recognised but reported as not supported yet")
    func toml() async {
        let error = await retrievalError { try FlagFileDecoder.decode(Array("[a]\n".utf8), format: .toml) }
        #expect(error?.code == .unsupportedFormat)
        #expect(error?.message == "TOML flag files are not supported yet: use fileFormat yaml or json")
    }

    @Test(
        "fileFormat is case-insensitive and anything unknown means yaml",
        arguments: [
            ("json", FlagFileFormat.json), ("JSON", .json), ("Json", .json), ("toml", .toml), ("TOML", .toml),
            ("yaml", .yaml), ("YAML", .yaml), ("yml", .yaml), ("", .yaml), ("xml", .yaml),
        ])
    func formats(value: String, expected: FlagFileFormat) {
        #expect(FlagFileFormat(configValue: value) == expected)
    }
}
