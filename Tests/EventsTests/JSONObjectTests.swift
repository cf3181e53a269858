// SPDX-License-Identifier: Apache-2.0

import Events
import Testing

@Suite struct JSONObjectTests {
    @Test func subscriptReplacesInPlaceAppendsAndRemoves() {
        var object: JSONObject = ["b": 1, "a": 2]
        object["b"] = "x"
        object["c"] = true
        object["a"] = nil
        #expect(object.keys == ["b", "c"])
        #expect(object["b"] == "x")
        #expect(object["a"] == nil)
    }

    @Test func repeatedKeysInInitializerKeepTheLastValue() {
        let object = JSONObject([("k", 1), ("j", 2), ("k", 3)])
        #expect(object.keys == ["k", "j"])
        #expect(object["k"] == 3)
    }

    @Test func mergeOverwritesAndAppends() {
        var object: JSONObject = ["a": 1, "b": 2]
        object.merge(["b": 20, "c": 30])
        #expect(object.keys == ["a", "b", "c"])
        #expect(object == ["c": 30, "a": 1, "b": 20])
    }

    @Test func equalityIsMapEqualityOnBytes() {
        #expect(JSONObject([("x", 1), ("y", 2)]) == JSONObject([("y", 2), ("x", 1)]))
        #expect(JSONObject([("x", 1)]) != JSONObject([("x", 1), ("y", 2)]))
        #expect(JSONValue.string("\u{E9}") != JSONValue.string("e\u{301}"))
        #expect(JSONObject([("\u{E9}", 1)]) != JSONObject([("e\u{301}", 1)]))
    }

    @Test func preparedOrderFollowsLaterChanges() {
        var object: JSONObject = ["b": 1, "a": 2]
        object.prepareForRepeatedEncoding()
        #expect(goJSON(.object(object)) == #"{"a":2,"b":1}"#)
        object["0"] = nil
        object["A"] = 3
        #expect(goJSON(.object(object)) == #"{"A":3,"a":2,"b":1}"#)
        object.merge(["_": 4])
        #expect(goJSON(.object(object)) == #"{"A":3,"_":4,"a":2,"b":1}"#)
        #expect(object.keys == ["b", "a", "A", "_"])
    }

    @Test func valueAccessors() {
        let value: JSONValue = ["s": "x", "n": 1.5, "b": true, "a": [nil], "o": [:]]
        let object = value.objectValue
        #expect(object?["s"]?.stringValue == "x")
        #expect(object?["n"]?.numberValue == 1.5)
        #expect(object?["b"]?.boolValue == true)
        #expect(object?["a"]?.arrayValue?.first?.isNull == true)
        #expect(object?["o"]?.objectValue?.isEmpty == true)
        #expect(object?["s"]?.numberValue == nil)
    }
}
