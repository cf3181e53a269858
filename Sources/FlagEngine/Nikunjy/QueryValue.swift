// SPDX-License-Identifier: Apache-2.0

import Events

/// A context value as nikunjy/rules sees it: Go's `interface{}` after GOFF's context conversion, where
/// integral top-level numbers are `int` and everything else keeps its JSON decoding (`float64`, maps, slices).
enum QueryValue {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    init(_ v: JSONValue, topLevelInt: Bool) {
        switch v {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let d):
            self = topLevelInt && GoNumeric.isIntegral(d) ? .int(GoNumeric.int64(d)) : .double(d)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a)
        case .object(let o): self = .object(o)
        }
    }

    var isNil: Bool {
        if case .null = self { return true }
        return false
    }
}
