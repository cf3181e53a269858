// SPDX-License-Identifier: Apache-2.0

import Events

/// The context with the flag set's `evaluationContextEnrichment` merged in (enrichment wins), as the query
/// languages and the bucketing key see it.
struct MergedContext {
    let targetingKey: String
    let attributes: JSONObject
    let enrichment: JSONObject
    /// Go's `int` width.
    let intBits: Int
    /// `false` for the bare empty map GOFF's query validation uses (no `key`, `targetingKey`, `anonymous`).
    var synthesizesKeys = true

    /// A custom attribute after enrichment, with its Go typing (`int` for integral top-level context numbers).
    func attribute(_ name: String) -> QueryValue? {
        if !enrichment.isEmpty, let v = enrichment.engineValue(forKey: name) {
            return QueryValue(v, topLevelInt: false)
        }
        guard let v = attributes.engineValue(forKey: name) else { return nil }
        if case .number(let d) = v, GoNumeric.isIntegral(d) { return .int(GoNumeric.int(d, bits: intBits)) }
        return QueryValue(v, topLevelInt: false)
    }

    /// The map GOFF's `ContextToMap` builds for the query languages: attributes, then `anonymous`, `key` and
    /// `targetingKey`.
    func queryRoot(_ name: String) -> QueryValue? {
        guard synthesizesKeys else { return attribute(name) }
        switch name {
        case "targetingKey", "key": return .string(targetingKey)
        case "anonymous": return .bool(isAnonymous)
        default: return attribute(name)
        }
    }

    var isAnonymous: Bool {
        if case .bool(let b)? = attribute("anonymous") { return b }
        return false
    }

    /// The raw attribute (no Go int typing), after enrichment.
    func rawAttribute(_ name: String) -> JSONValue? {
        if !enrichment.isEmpty, let v = enrichment.engineValue(forKey: name) { return v }
        return attributes.engineValue(forKey: name)
    }

    /// The query map GOFF marshals for JsonLogic (integral top-level context numbers as Go `int`s, then
    /// enrichment, then `anonymous`, `key` and `targetingKey`), as jsonlogic decodes it.
    func jsonLogicData() -> JLValue {
        let synthesized: Set<String> = ["anonymous", "key", "targetingKey"]
        var keys: [String] = []
        var values: [JLValue] = []
        keys.reserveCapacity(attributes.count + enrichment.count + 3)
        values.reserveCapacity(attributes.count + enrichment.count + 3)
        for member in attributes.members where !synthesized.contains(member.key) {
            if !enrichment.isEmpty, enrichment[member.key] != nil { continue }
            keys.append(member.key)
            if case .number(let d) = member.value, GoNumeric.isIntegral(d) {
                values.append(.number(Double(GoNumeric.int(d, bits: intBits))))
            } else {
                values.append(JLValue(member.value))
            }
        }
        for member in enrichment.members where !synthesized.contains(member.key) {
            keys.append(member.key)
            values.append(JLValue(member.value))
        }
        keys += ["anonymous", "key", "targetingKey"]
        values += [.bool(isAnonymous), .string(targetingKey), .string(targetingKey)]
        return .object(JLObject(keys: keys, values: values))
    }

    /// `gofeatureflag.currentDateTime` after enrichment (what GOFF's rule evaluation reads).
    var currentDateTime: Timestamp? {
        guard case .object(let goff)? = rawAttribute("gofeatureflag"),
            case .string(let text)? = goff["currentDateTime"]
        else { return nil }
        return Timestamp(rfc3339: text)
    }
}
