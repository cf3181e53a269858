// SPDX-License-Identifier: Apache-2.0

extension JSONLogic {
    /// `extractSubject`: an array literal as is, an operation applied; anything else is nil.
    static func subject(_ parsed: [JLValue], _ data: JLValue) throws(JLPanic) -> JLValue {
        guard let first = parsed.first else { throw JLPanic() }
        switch first {
        case .array: return first
        case .object(let m): return try apply(m, data)
        default: return .null
        }
    }

    static func quantifier(_ op: String, _ values: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let parsed = try array(values)
        let subject = try subject(parsed, data)
        guard JS.isTrue(subject) else { return .bool(op == "none") }
        guard parsed.count > 1 else { throw JLPanic() }
        let conditions = try solveVars(parsed[1], data)
        for value in try array(subject) {
            let truthy = JS.isTrue(try applyAny(conditions, value))
            switch op {
            case "all": if !truthy { return .bool(false) }
            case "some": if truthy { return .bool(true) }
            default: if truthy { return .bool(false) }
            }
        }
        return .bool(op != "some")
    }

    static func filter(_ values: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let parsed = try array(values)
        if parsed.count < 2 { return .array([]) }
        let subject = try subject(parsed, data)
        if subject.isNil { return .array([]) }
        let logic = try solveVars(parsed[1], data)
        var out: [JLValue] = []
        for value in try array(subject) where JS.isTrue(try parseValues(logic, value)) { out.append(value) }
        return .array(out)
    }

    static func map(_ values: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let parsed = try array(values)
        if parsed.count < 2 { return .array([]) }
        let subject = try subject(parsed, data)
        if subject.isNil { return .array([]) }
        var out: [JLValue] = []
        for value in try array(subject) { out.append(try parseValues(parsed[1], value)) }
        return .array(out)
    }

    static func reduce(_ values: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let parsed = try array(values)
        if parsed.count < 3 { return .number(0) }
        var initial = parsed[2]
        if case .object(let m) = initial { initial = try apply(m, data) }
        var accumulator: JLValue
        let kind: Int
        switch initial {
        case .bool(let b): (accumulator, kind) = (.bool(b), 0)
        case .number: (accumulator, kind) = (initial, 1)
        case .string: (accumulator, kind) = (initial, 2)
        default: throw JLPanic()
        }
        let subject = try subject(parsed, data)
        if subject.isNil { return .number(0) }
        for value in try array(subject) where !value.isNil {
            let context = JLValue.object(
                JLObject(members: [
                    ("current", value), ("accumulator", accumulator),
                    ("valueType", .string(["bool", "number", "string"][kind])),
                ]))
            let v = try applyAny(parsed[1], context)
            switch kind {
            case 0: accumulator = .bool(JS.isTrue(v))
            case 1: accumulator = .number(try toNumber(v))
            default: accumulator = .string(try toString(v))
            }
        }
        return accumulator
    }

    static func containsOp(_ op: String, _ parsed: JLValue) throws(JLPanic) -> Bool {
        let emptyAnswer = op == "contains_none"
        guard case .array(let args) = parsed, args.count == 2, case .array(let search) = args[0],
            case .array(let check) = args[1]
        else { return emptyAnswer }
        func contains(_ element: JLValue) throws(JLPanic) -> Bool {
            for item in search where try goInterfaceEqual(item, element) { return true }
            return false
        }
        for element in check {
            let hit = try contains(element)
            if op == "contains_all", !hit { return false }
            if op != "contains_all", hit { return op == "contains_any" }
        }
        return op != "contains_any"
    }
}
