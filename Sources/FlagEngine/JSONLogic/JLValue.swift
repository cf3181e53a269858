// SPDX-License-Identifier: Apache-2.0

import Events

/// A value inside diegoholiveira/jsonlogic (Go `any`): JSON kinds, plus the Go `int` 0 that `-` and `/`
/// return without operands, and JavaScript `undefined`.
indirect enum JLValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case int(Int)
    case string(String)
    case array([JLValue])
    case object(JLObject)
    case undefined

    init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(JLValue.init))
        case .object(let o): self = .object(JLObject(o))
        }
    }

    var isNil: Bool {
        if case .null = self { return true }
        return false
    }

    /// `isPrimitive`: bool, string or float64.
    var isPrimitive: Bool {
        switch self {
        case .bool, .number, .string: return true
        default: return false
        }
    }

    var arrayValue: [JLValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// A Go panic inside jsonlogic: GOFF then treats the query as not matching.
struct JLPanic: Error {}
