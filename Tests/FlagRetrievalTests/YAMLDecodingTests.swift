// SPDX-License-Identifier: Apache-2.0

import Events
import Testing

@testable import FlagRetrieval

@Suite("YAML flag files")
struct YAMLDecodingTests {
    @Test("only true/false are booleans (YAML 1.2); on/off/yes/no stay strings")
    func yaml12Booleans() throws {
        let flags = try yaml(
            """
            my-flag:
              variations:
                a: true
                b: False
                c: on
                d: off
                e: yes
                f: no
                g: y
                h: "true"
              defaultRule:
                variation: a
            """)
        let variations = try #require(flags["my-flag"]?.objectValue?["variations"]?.objectValue)
        #expect(variations["a"] == .bool(true))
        #expect(variations["b"] == .bool(false))
        #expect(variations["c"] == .string("on"))
        #expect(variations["d"] == .string("off"))
        #expect(variations["e"] == .string("yes"))
        #expect(variations["f"] == .string("no"))
        #expect(variations["g"] == .string("y"))
        #expect(variations["h"] == .string("true"))
    }

    @Test("integers and floats become the JSON numbers Go's yaml.v3 then encoding/json would write")
    func numbers() throws {
        let flags = try yaml(
            """
            f:
              metadata:
                values: [1, -3, +7, 2.5, 1e3, .5, 1., 0x1F, 0o17, 0b101, 0755, 1_000, 12345678901, 1.0e21, 08]
              variations: {x: 10, y: 10.25}
            """)
        let flag = try #require(flags["f"])
        let values = try #require(flag.objectValue?["metadata"]?.objectValue?["values"])
        #expect(text(GoJSONEncoder().encode(values)) == "[1,-3,7,2.5,1000,0.5,1,31,15,5,493,1000,12345678901,1e+21,8]")
        #expect(flag.objectValue?["variations"] == ["x": 10, "y": 10.25])
    }

    @Test("scalars that only look special stay strings: dates, versions with two dots, words")
    func strings() throws {
        let flags = try yaml(
            """
            f:
              metadata:
                date: 2024-01-02
                semver: 1.2.3
                hex-ish: 0xZZ
                dash: "-"
                empty: ~
                nothing:
                tilde-text: "~"
                block: |
                  two
                  lines
                after: x
            """)
        let metadata = try #require(flags["f"]?.objectValue?["metadata"]?.objectValue)
        #expect(metadata["date"] == .string("2024-01-02"))
        #expect(metadata["semver"] == .string("1.2.3"))
        #expect(metadata["hex-ish"] == .string("0xZZ"))
        #expect(metadata["dash"] == .string("-"))
        #expect(metadata["empty"] == .null)
        #expect(metadata["nothing"] == .null)
        #expect(metadata["tilde-text"] == .string("~"))
        #expect(metadata["block"] == .string("two\nlines\n"))
    }

    @Test("nested metadata keeps its structure and key order")
    func nestedMetadata() throws {
        let flags = try yaml(
            """
            flag-b:
              variations: {on: true}
            flag-a:
              metadata:
                owner:
                  team: core
                  contacts:
                    - name: ann
                      pager: false
                    - name: bob
                links: []
            """)
        #expect(flags.keys == ["flag-b", "flag-a"])
        let metadata = try #require(flags["flag-a"]?.objectValue?["metadata"])
        let expected: JSONValue = [
            "owner": [
                "team": "core",
                "contacts": [["name": "ann", "pager": false], ["name": "bob"]],
            ],
            "links": [],
        ]
        #expect(metadata == expected)
        #expect(metadata.objectValue?.keys == ["owner", "links"])
    }

    @Test("typed DTO fields read plain scalars as yaml.v3 does: strings keep their text, bools take yes/no")
    func typedFields() throws {
        let flags = try yaml(
            """
            f:
              version: 1.0
              trackEvents: off
              disable: yes
              bucketingKey: 42
              variations: {true: 1, false: 2}
              targeting:
                - name: 2024
                  query: key eq "x"
                  variation: true
                  disable: No
              defaultRule:
                variation: false
                progressiveRollout:
                  initial: {variation: false, percentage: 0, date: 2024-01-02}
                  end: {variation: true, percentage: 100, date: 2024-1-3t04:05:06.500+00:00}
              experimentation:
                start: 2024-01-02 03:04:05
                end: 2024-01-05T00:00:00+02:00
              metadata: {version: 1.0, disable: yes}
            """)
        let flag = try #require(flags["f"]?.objectValue)
        #expect(flag["version"] == .string("1.0"))
        #expect(flag["trackEvents"] == .bool(false))
        #expect(flag["disable"] == .bool(true))
        #expect(flag["bucketingKey"] == .string("42"))
        #expect(flag["variations"] == ["true": 1, "false": 2])
        let rule = try #require(flag["targeting"]?.arrayValue?.first?.objectValue)
        #expect(rule["name"] == .string("2024"))
        #expect(rule["variation"] == .string("true"))
        #expect(rule["disable"] == .bool(false))
        let defaultRule = try #require(flag["defaultRule"]?.objectValue)
        #expect(defaultRule["variation"] == .string("false"))
        let rollout = try #require(defaultRule["progressiveRollout"]?.objectValue)
        #expect(rollout["initial"]?.objectValue?["date"] == .string("2024-01-02T00:00:00Z"))
        #expect(rollout["initial"]?.objectValue?["percentage"] == .number(0))
        #expect(rollout["end"]?.objectValue?["date"] == .string("2024-01-03T04:05:06.5Z"))
        #expect(flag["experimentation"] == ["start": "2024-01-02T03:04:05Z", "end": "2024-01-05T00:00:00+02:00"])
        // metadata is map[string]interface{}: no typed-field rules there.
        #expect(flag["metadata"] == ["version": 1, "disable": "yes"])
    }

    @Test("merge keys bring anchored fields in; explicit keys win")
    func mergeKeys() throws {
        let flags = try yaml(
            """
            base: &base
              variations: {a: 1, b: 2}
              defaultRule: {variation: a}
              version: "1"
            derived:
              <<: *base
              version: "2"
            """)
        let derived = try #require(flags["derived"]?.objectValue)
        #expect(derived["variations"] == ["a": 1, "b": 2])
        #expect(derived["defaultRule"] == ["variation": "a"])
        #expect(derived["version"] == .string("2"))
    }

    @Test("an empty document or null is no flag; only the first document of a stream is read")
    func emptyAndMultiDocument() throws {
        #expect(try yaml("").isEmpty)
        #expect(try yaml("# only a comment\n").isEmpty)
        #expect(try yaml("~").isEmpty)
        let first = try yaml("a:\n  version: x\n---\nb:\n  version: y\n")
        #expect(first.keys == ["a"])
    }

    @Test("a null flag is kept for the store to drop; a scalar flag or a list document fails the file")
    func shapes() async throws {
        let flags = try yaml("a:\nb:\n  version: x\n")
        #expect(flags["a"] == .null)
        let scalarFlag = await retrievalError { try yaml("a: 5\n") }
        #expect(scalarFlag?.code == .invalidFlagFile)
        #expect(scalarFlag?.message == #"yaml: unmarshal errors: cannot unmarshal !!int into dto.DTO (flag "a")"#)
        let list = await retrievalError { try yaml("- a\n- b\n") }
        #expect(list?.message == "yaml: unmarshal errors: cannot unmarshal !!seq into map[string]dto.DTO")
    }

    @Test("syntax errors and duplicate keys fail with one line naming the line")
    func syntaxErrors() async throws {
        let syntax = await retrievalError { try yaml("a:\n  b: c\n d: e\n") }
        #expect(syntax?.code == .invalidFlagFile)
        #expect(syntax?.message.hasPrefix("yaml: line ") == true)
        #expect(syntax?.message.contains("\n") == false)
        let duplicate = await retrievalError { try yaml("a:\n  version: x\na:\n  version: y\n") }
        #expect(duplicate?.message.contains(#"mapping key "a" already defined"#) == true)
    }

    @Test("invalid UTF-8 is rejected")
    func invalidUTF8() async {
        let error = await retrievalError { try FlagFileDecoder.decode([0x61, 0x3A, 0x20, 0xFF], format: .yaml) }
        #expect(error?.code == .invalidFlagFile)
    }
}
