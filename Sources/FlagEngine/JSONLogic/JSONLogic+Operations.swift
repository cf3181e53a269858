// SPDX-License-Identifier: Apache-2.0

extension JSONLogic {
    /// Dispatches one operator; an unknown operator is a panic (GOFF: the query does not match).
    static func operation(_ op: String, _ values: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        switch op {
        case "and": return try andOr(values, data, isAnd: true)
        case "or": return try andOr(values, data, isAnd: false)
        case "!": return .bool(try negative(values, data))
        case "!!": return .bool(!JS.isTrue(.bool(try negative(values, data))))
        case "if", "?:": return try conditional(values, data)
        case "==": return .bool(try isEqual(values, data))
        case "!=": return .bool(!(try isEqual(values, data)))
        case "===": return .bool(try hardEquals(values, data))
        case "!==": return .bool(!(try hardEquals(values, data)))
        case "<", "<=", ">", ">=": return .bool(try ordering(op, values, data))
        case "in": return try inOperator(values, data)
        case "var": return try getVar(values, data)
        case "missing": return try missing(values, data)
        case "missing_some": return try missingSome(values, data)
        case "cat": return try concat(values, data)
        case "substr": return try substr(values, data)
        case "merge": return try merge(values, data)
        case "max", "min": return try maxMin(values, data, isMax: op == "max")
        case "+": return try sum(values, data)
        case "-": return try minus(values, data)
        case "*": return try mult(values, data)
        case "/": return try div(values, data)
        case "%": return try mod(values, data)
        case "abs": return try abs(values, data)
        case "all", "some", "none": return try quantifier(op, values, data)
        case "filter": return try filter(values, data)
        case "map": return try map(values, data)
        case "reduce": return try reduce(values, data)
        case "set": return try setProperty(values, data)
        case "contains_all", "contains_any", "contains_none":
            return .bool(try containsOp(op, try parseValues(values, data)))
        default: throw JLPanic()
        }
    }

    static func array(_ v: JLValue) throws(JLPanic) -> [JLValue] {
        guard case .array(let a) = v else { throw JLPanic() }
        return a
    }

    static func andOr(_ values: JLValue, _ data: JLValue, isAnd: Bool) throws(JLPanic) -> JLValue {
        let items = try array(values)
        var last: JLValue = .null
        for v in items {
            last = try parseValues(v, data)
            if JS.isTrue(last) != isAnd { return last }
        }
        return last
    }

    static func negative(_ values: JLValue, _ data: JLValue) throws(JLPanic) -> Bool {
        let parsed = try parseValues(values, data)
        if case .array(let a) = parsed, let first = a.first { return !JS.isTrue(first) }
        return !JS.isTrue(parsed)
    }

    static func conditional(_ values: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let clauses = try array(values)
        if clauses.isEmpty { return .null }
        var i = 0
        while i < clauses.count - 1 {
            if JS.isTrue(try parseValues(clauses[i], data)) { return try evaluateClause(clauses[i + 1], data) }
            i += 2
        }
        if clauses.count % 2 == 1 { return try evaluateClause(clauses[clauses.count - 1], data) }
        return .null
    }

    static func evaluateClause(_ clause: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let parsed = try parseValues(clause, data)
        if case .object(let m) = parsed { return try apply(m, data) }
        return parsed
    }

    static func isEqual(_ values: JLValue, _ data: JLValue) throws(JLPanic) -> Bool {
        let parsed = try array(try parseValues(values, data))
        guard parsed.count >= 2 else { return false }
        return equals(parsed[0], parsed[1])
    }

    static func hardEquals(_ values: JLValue, _ data: JLValue) throws(JLPanic) -> Bool {
        guard case .array(let parsed) = try parseValues(values, data), parsed.count >= 2 else { return false }
        let a = parsed[0]
        let b = parsed[1]
        if a.isNil || b.isNil { return a.isNil && b.isNil }
        switch (a, b) {
        case (.bool, .bool), (.number, .number), (.string, .string), (.object, .object), (.array, .array):
            return equals(a, b)
        default:
            return false
        }
    }

    static func ordering(_ op: String, _ values: JLValue, _ data: JLValue) throws(JLPanic) -> Bool {
        let p = try array(try parseValues(values, data))
        guard p.count >= 2 else { return false }
        let a = p[0]
        let b = p[1]
        func le(_ x: JLValue, _ y: JLValue) -> Bool { less(x, y) || equals(x, y) }
        if p.count == 3 {
            let c = p[2]
            switch op {
            case "<": return less(a, b) && less(b, c)
            case "<=": return le(a, b) && le(b, c)
            case ">": return less(c, b) && less(b, a)
            default: return le(c, b) && le(b, a)
            }
        }
        switch op {
        case "<": return less(a, b)
        case "<=": return le(a, b)
        case ">": return less(b, a)
        default: return le(b, a)
        }
    }

    /// JavaScript `<`: strings by code units (Go: bytes), anything else as numbers.
    static func less(_ a: JLValue, _ b: JLValue) -> Bool {
        if case .string(let x) = a, case .string(let y) = b { return x.utf8.lexicographicallyPrecedes(y.utf8) }
        return JS.toNumber(b) > JS.toNumber(a)
    }

    static func equals(_ a: JLValue, _ b: JLValue) -> Bool {
        if a.isNil || b.isNil { return a.isNil && b.isNil }
        if case .string(let x) = a, case .string(let y) = b { return x.utf8.elementsEqual(y.utf8) }
        return JS.toNumber(a) == JS.toNumber(b)
    }

    static func inOperator(_ values: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let parsed = try array(try parseValues(values, data))
        guard let a = parsed.first else { throw JLPanic() }
        let b = parsed.count > 1 ? parsed[1] : .null
        if case .string(let bs) = b {
            guard case .string(let s) = a else { throw JLPanic() }
            return .bool(GoStrings.contains(Array(bs.utf8), Array(s.utf8)))
        }
        guard case .array(let list) = b else { return .bool(false) }
        for element in list {
            if case .array(let range) = element {
                guard range.count >= 2 else { throw JLPanic() }
                let v = try toNumber(a)
                let low = try toNumber(range[0])
                let high = try toNumber(range[1])
                if v >= low && high >= v { return .bool(true) }
                continue
            }
            if case .number(let n) = a {
                if try toNumber(element) == n { return .bool(true) }
                continue
            }
            if try goInterfaceEqual(element, a) { return .bool(true) }
        }
        return .bool(false)
    }

    /// Go's `==` on two `interface{}` values (panics when both hold the same uncomparable type).
    static func goInterfaceEqual(_ x: JLValue, _ y: JLValue) throws(JLPanic) -> Bool {
        switch (x, y) {
        case (.null, .null), (.undefined, .undefined): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.array, .array), (.object, .object): throw JLPanic()
        default: return false
        }
    }
}
