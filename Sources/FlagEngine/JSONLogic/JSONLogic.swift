// SPDX-License-Identifier: Apache-2.0

import Events

/// diegoholiveira/jsonlogic v3 as GOFF uses it: the rule is applied to the query map, the result is
/// serialised, and `false`, `null`, `""`, `0` and `[]` (or a serialisation error) mean "no match".
enum JSONLogic {
    static func isTruthyResult(rule: JLValue, data: JLValue) -> Bool {
        do {
            let result = try applyTopLevel(rule, data)
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
        case .object(let o): return o.values.allSatisfy(isEncodable)
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
        guard rule.count == 1 else { return .object(rule) }
        return try operation(rule.keys[0], rule.values[0], data)
    }

    static func applyAny(_ rule: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        guard case .object(let m) = rule else { throw JLPanic() }
        return try apply(m, data)
    }
}

extension JSONLogic {
    /// jsonlogic's `ValidateJsonLogic`: every operator known (a map of several keys counts as a value).
    static func isValid(_ rule: JSONValue) -> Bool {
        if isVar(rule) { return true }
        switch rule {
        case .object(let m):
            if m.count > 1 { return true }
            guard let first = m.members.first else { return false }
            guard knownOperators.contains(first.key) else { return false }
            return isValid(first.value)
        case .array(let items):
            for item in items {
                switch item {
                case .array, .object: if !isValid(item) { return false }
                default: continue
                }
            }
            return true
        case .bool, .number, .string: return true
        case .null: return false
        }
    }

    static func isVar(_ value: JSONValue) -> Bool {
        guard case .object(let m) = value, let v = m["var"] else { return false }
        switch v {
        case .string, .number, .null: return true
        default: return false
        }
    }

    static let knownOperators: Set<String> = [
        "and", "or", "filter", "map", "reduce", "all", "none", "some", "in", "missing", "missing_some", "var", "set",
        "cat", "substr", "merge", "if", "?:", "max", "min", "+", "-", "*", "/", "%", "abs", "!", "!!", "===", "!==",
        "<", "<=", ">", ">=", "==", "!=", "contains_all", "contains_any", "contains_none",
    ]
}
