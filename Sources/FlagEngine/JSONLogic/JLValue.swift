// SPDX-License-Identifier: Apache-2.0

import Events

/// A value inside diegoholiveira/jsonlogic (Go `any`): JSON kinds, plus the Go `int` 0 that `-` and `/`
/// return without operands, and JavaScript `undefined`.
indirect enum JLValue {
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
/// A Go `map[string]any` (keys unique; order only matters where Go's is random anyway).
struct JLObject {
    private(set) var keys: [String]
    private(set) var values: [JLValue]

    init(_ o: JSONObject) {
        keys = o.members.map(\.key)
        values = o.members.map { JLValue($0.value) }
    }

    init(members: [(key: String, value: JLValue)]) {
        keys = members.map(\.key)
        values = members.map(\.value)
    }

    /// Key/value pairs in order.
    var members: [(key: String, value: JLValue)] { Array(zip(keys, values)) }

    var count: Int { keys.count }

    subscript(key: String) -> JLValue? {
        get {
            guard let i = keys.firstIndex(where: { $0.utf8.elementsEqual(key.utf8) }) else { return nil }
            return values[i]
        }
        set {
            if let i = keys.firstIndex(where: { $0.utf8.elementsEqual(key.utf8) }) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }
}
