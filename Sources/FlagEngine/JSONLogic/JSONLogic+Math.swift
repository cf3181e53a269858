// SPDX-License-Identifier: Apache-2.0

extension JSONLogic {
    static func maxMin(_ rawValues: JLValue, _ data: JLValue, isMax: Bool) throws(JLPanic) -> JLValue {
        guard case .array(let parsed) = try parseValues(rawValues, data), let first = parsed.first else {
            return .null
        }
        var best = try toNumber(first)
        for v in parsed.dropFirst() {
            let n = try toNumber(v)
            if isMax ? n > best : best > n { best = n }
        }
        return .number(best)
    }

    static func sum(_ rawValues: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let parsed = try parseValues(rawValues, data)
        guard case .array(let items) = parsed else { return .number(try toNumber(parsed)) }
        var total = 0.0
        for v in items { total += try toNumber(v) }
        return .number(total)
    }

    static func minus(_ rawValues: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        guard case .array(let items) = try parseValues(rawValues, data), let first = items.first else { return .int(0) }
        if items.count == 1 { return .number(-1 * (try toNumber(first))) }
        var total = try toNumber(first)
        for v in items.dropFirst() { total -= try toNumber(v) }
        return .number(total)
    }

    static func mult(_ rawValues: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        guard case .array(let items) = try parseValues(rawValues, data), !items.isEmpty else { return .number(1) }
        var total = 1.0
        for v in items { total *= try toNumber(v) }
        return .number(total)
    }

    static func div(_ rawValues: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        guard case .array(let items) = try parseValues(rawValues, data), let first = items.first else { return .int(0) }
        var total = try toNumber(first)
        for v in items.dropFirst() { total /= try toNumber(v) }
        return .number(total)
    }

    static func mod(_ rawValues: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let parsed = try array(try parseValues(rawValues, data))
        guard parsed.count >= 2 else { throw JLPanic() }
        let a = try toNumber(parsed[0])
        let b = try toNumber(parsed[1])
        return .number(a.truncatingRemainder(dividingBy: b))
    }

    static func abs(_ rawValues: JLValue, _ data: JLValue) throws(JLPanic) -> JLValue {
        let parsed = try parseValues(rawValues, data)
        guard case .array(let items) = parsed else { return .number(Swift.abs(try toNumber(parsed))) }
        guard let first = items.first else { return .number(0) }
        return .number(Swift.abs(try toNumber(first)))
    }
}
