// SPDX-License-Identifier: Apache-2.0

extension JSONLogic {
    /// `var`: a dot path into the data (array indexes allowed), with an optional default.
    static func getVar(_ rawValues: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        var values = try parseValues(rawValues, data)
        if values.isNil { return data.isPrimitive ? data : .null }
        if case .string(let s) = values, s.isEmpty { return data }
        if case .number(let d) = values { values = .string(GoParseFloat.formatF(d)) }
        var fallback: JLValue = .null
        if case .array(let v) = values {
            if v.isEmpty { return data }
            if v.count == 2 { fallback = v[1] }
            guard case .string = v[0] else { throw JLPanic() }
            values = v[0]
        }
        if data.isNil { return fallback }
        guard case .string(let path) = values else { throw JLPanic() }
        var current = data
        for part in path.split(separator: ".", omittingEmptySubsequences: true) {
            switch current {
            case .object(let m):
                current = m[String(part)] ?? .null
            case .array(let a):
                guard let f = GoParseFloat.parse(String(part)), !f.isNaN else { return fallback }
                let pos = GoNumeric.int(f, bits: 64)
                guard pos >= 0, pos < a.count else { return fallback }
                current = a[Int(pos)]
            default:
                return fallback
            }
            if current.isNil { return fallback }
        }
        return current
    }

    static func missing(_ rawValues: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        var values = try parseValues(rawValues, data)
        if case .string = values { values = .array([values]) }
        let list = try array(values)
        var out: [JLValue] = []
        for v in list where try getVar(v, data).isNil { out.append(v) }
        return .array(out)
    }

    static func missingSome(_ rawValues: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let parsed = try array(try parseValues(rawValues, data))
        guard let first = parsed.first else { throw JLPanic() }
        let number = GoNumeric.int(try toNumber(first), bits: 64)
        guard parsed.count > 1 else { throw JLPanic() }
        guard case .array(let vars) = parsed[1], !vars.isEmpty else { return .array([]) }
        var missing: [JLValue] = []
        var found = 0
        for v in vars {
            if try getVar(v, data).isNil { missing.append(v) } else { found += 1 }
        }
        return number > found ? .array(missing) : .array([])
    }

    /// `solveVars`: resolves `var`s against the outer data before an `all`/`some`/`none`/`filter` loop.
    static func solveVars(_ values: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        switch values {
        case .object(let m):
            if m.count == 0 { return values }
            var logic = JLObject(members: [])
            for (key, value) in m.members {
                if key == "var" {
                    if case .string(let s) = value, s.isEmpty || s.hasPrefix(".") {
                        logic["var"] = value
                        continue
                    }
                    let resolved = try getVar(value, data)
                    if !resolved.isNil { return resolved }
                    logic["var"] = value
                } else {
                    logic[key] = try solveVars(value, data)
                }
            }
            return .object(logic)
        case .array(let a):
            if a.isEmpty { return values }
            var out: [JLValue] = []
            for v in a { out.append(try solveVars(v, data)) }
            return .array(out)
        default:
            return values
        }
    }

    static func setProperty(_ rawValues: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        guard case .array(let parsed) = try parseValues(rawValues, data) else { return .null }
        if parsed.count < 3 { return parsed.first ?? .null }
        guard case .object(var object) = parsed[0], case .string(let property) = parsed[1] else { return parsed[0] }
        object[property] = try parseValues(parsed[2], data)
        return .object(object)
    }

    static func concat(_ rawValues: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let values = try parseValues(rawValues, data)
        if case .string = values { return values }
        let items = try array(values)
        if items.isEmpty { return .string("") }
        if items.count == 1 { return .string(try toString(items[0])) }
        var s = ""
        for item in items { s += try toString(item) }
        return .string(String(s.drop { $0.isGoSpace }.reversed().drop { $0.isGoSpace }.reversed()))
    }

    static func substr(_ rawValues: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let parsed = try array(try parseValues(rawValues, data))
        guard parsed.count >= 2 else { throw JLPanic() }
        let runes = Array(try toString(parsed[0]).unicodeScalars)
        var from = Int(GoNumeric.int(try toNumber(parsed[1]), bits: 64))
        var length = runes.count
        if from < 0 { from = length + from }
        if from < 0 || from > length { return .string(String(String.UnicodeScalarView(runes))) }
        if parsed.count == 3 { length = Int(GoNumeric.int(try toNumber(parsed[2]), bits: 64)) }
        var to: Int
        if length < 0 {
            length = runes.count + length
            to = length
        } else {
            to = from + length
        }
        if to > runes.count { to = runes.count }
        guard from <= to else { throw JLPanic() }
        return .string(String(String.UnicodeScalarView(runes[from..<to])))
    }

    static func merge(_ rawValues: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let values = try parseValues(rawValues, data)
        if values.isPrimitive { return .array([values]) }
        let items = try array(values)
        var out: [JLValue] = []
        for item in items {
            if case .array(let inner) = item { out.append(contentsOf: inner) } else { out.append(item) }
        }
        return .array(out)
    }
}
