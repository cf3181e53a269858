// SPDX-License-Identifier: Apache-2.0

import Events

/// diegoholiveira/jsonlogic v3 as GOFF uses it: the rule is applied to the query map, the result is
/// serialised, and `false`, `null`, `""`, `0` and `[]` (or a serialisation error) mean "no match".
enum JSONLogic {
    static func isTruthyResult(rule: JSONValue, data: JSONValue) -> Bool {
        do {
            let result = try applyTopLevel(JLValue(rule), JLValue(data))
            return encodesTruthy(result)
        } catch {
            return false
        }
    }

    /// `applyInterfaceUnguarded`.
    static func applyTopLevel(_ rule: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        switch rule {
        case .object(let m): return try apply(m, data)
        case .array(let items):
            var out: [JLValue] = []
            for v in items { out.append(try parseValues(v, data)) }
            return .array(out)
        default: return rule
        }
    }

    /// Whether Go's JSON encoding of `v` is anything but `false`, `null`, `""`, `0`, `[]` (an encoding
    /// error, from NaN or ±Inf, also means false).
    static func encodesTruthy(_ v: JLValue) -> Bool {
        guard isEncodable(v) else { return false }
        switch v {
        case .bool(let b): return b
        case .null: return false
        case .string(let s): return !s.isEmpty
        case .number(let d): return !(d == 0 && d.sign == .plus)
        case .int(let i): return i != 0
        case .array(let a): return !a.isEmpty
        case .object, .undefined: return true
        }
    }

    static func isEncodable(_ v: JLValue) -> Bool {
        switch v {
        case .number(let d): return d.isFinite
        case .array(let a): return a.allSatisfy(isEncodable)
        case .object(let o): return o.members.allSatisfy { isEncodable($0.value) }
        default: return true
        }
    }

    static func parseValues(_ values: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        switch values {
        case .null, .bool, .number, .string: return values
        case .object(let m): return try apply(m, data)
        case .array(let items):
            if items.isEmpty { return values }
            var out: [JLValue] = []
            out.reserveCapacity(items.count)
            for v in items {
                if case .object(let m) = v {
                    out.append(try apply(m, data))
                } else {
                    out.append(try parseValues(v, data))
                }
            }
            return .array(out)
        case .int, .undefined: throw JLPanic()
        }
    }

    static func apply(_ rule: JLObject, _ data: JLValue) throws(JLPanic) -> JLValue {
        if rule.count > 1 { return .object(rule) }
        guard let first = rule.members.first else { return .object(rule) }
        return try operation(first.key, first.value, data)
    }

    static func applyAny(_ rule: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        guard case .object(let m) = rule else { throw JLPanic() }
        return try apply(m, data)
    }
}
