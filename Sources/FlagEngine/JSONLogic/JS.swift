// SPDX-License-Identifier: Apache-2.0

/// The JavaScript coercions jsonlogic's `internal/javascript` package implements, and its stricter `toNumber`
/// and `toString` from `types.go`.
enum JS {
    /// `javascript.IsTrue`.
    static func isTrue(_ v: JLValue) -> Bool {
        switch v {
        case .bool(let b): return b
        case .number(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return o.count > 0
        case .null, .int, .undefined: return false
        }
    }

    /// `javascript.ToNumber`.
    static func toNumber(_ v: JLValue) -> Double {
        switch v {
        case .null: return 0
        case .number(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .string(let s):
            if s.allSatisfy({ $0.isGoSpace }) { return 0 }
            return GoParseFloat.parse(s) ?? .nan
        default: return .nan
        }
    }
}

extension JSONLogic {
    /// `types.toNumber`: a string through `ParseFloat` (0 when invalid), a float64 as is, anything else panics.
    static func toNumber(_ v: JLValue) throws(JLPanic) -> Double {
        switch v {
        case .string(let s): return GoParseFloat.parse(s) ?? 0
        case .number(let d): return d
        default: throw JLPanic()
        }
    }

    /// `types.toString`: a float64 formatted with `'f', -1`, nil as "", a string as is, anything else panics.
    static func toString(_ v: JLValue) throws(JLPanic) -> String {
        switch v {
        case .number(let d): return GoParseFloat.formatF(d)
        case .null: return ""
        case .string(let s): return s
        default: throw JLPanic()
        }
    }
}
