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
        if !enrichment.isEmpty, let v = enrichment[name] { return QueryValue(v, topLevelInt: false) }
        guard let v = attributes[name] else { return nil }
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
        if !enrichment.isEmpty, let v = enrichment[name] { return v }
        return attributes[name]
    }

    /// The whole query map as JSON (what GOFF marshals for JsonLogic).
    func queryMap() -> JSONValue {
        var map = JSONObject()
        for member in attributes.members {
            if case .number(let d) = member.value, GoNumeric.isIntegral(d) {
                map[member.key] = .number(Double(GoNumeric.int(d, bits: intBits)))
            } else {
                map[member.key] = member.value
            }
        }
        if !enrichment.isEmpty { map.merge(enrichment) }
        map["anonymous"] = .bool(isAnonymous)
        map["key"] = .string(targetingKey)
        map["targetingKey"] = .string(targetingKey)
        return .object(map)
    }

    /// `gofeatureflag.currentDateTime` after enrichment (what GOFF's rule evaluation reads).
    var currentDateTime: Timestamp? {
        guard case .object(let goff)? = rawAttribute("gofeatureflag"),
            case .string(let text)? = goff["currentDateTime"]
        else { return nil }
        return Timestamp(rfc3339: text)
    }
}
