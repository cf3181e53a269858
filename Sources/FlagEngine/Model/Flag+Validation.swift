// SPDX-License-Identifier: Apache-2.0

import Events

extension Flag {
    /// GOFF's `InternalFlag.IsValid`: the reason GOFF drops this flag when it loads a flag file, or `nil` when
    /// the flag is valid. Flags that fail here still evaluate (as GOFF's engine would evaluate them).
    public var validationError: String? {
        let variations = fields.variations ?? JSONObject()
        if variations.isEmpty { return "no variation available" }
        var expectedKind: String?
        for member in variations.members {
            if member.value.isNull { return "nil value for variation: \(member.key)" }
            let kind = Flag.kindName(member.value)
            if let expectedKind, expectedKind != kind { return "all variations should have the same type" }
            expectedKind = kind
        }
        guard let defaultRule = fields.defaultRule else { return "missing default rule" }
        if let error = Flag.validate(defaultRule, isDefault: true, variations: variations) { return error }
        var names: Set<[UInt8]> = []
        for rule in fields.rules ?? [] {
            if let error = Flag.validate(rule, isDefault: false, variations: variations) { return error }
            if let name = rule.name, !name.isEmpty {
                guard names.insert(Array(name.utf8)).inserted else { return "duplicated rule name: \(name)" }
            }
        }
        return nil
    }

    static func kindName(_ value: JSONValue) -> String {
        switch value {
        case .string: return "string"
        case .number: return "number"
        case .bool: return "bool"
        case .array: return "array"
        case .object: return "object"
        case .null: return "null"
        }
    }

    /// GOFF's `Rule.IsValid`.
    static func validate(_ rule: Rule, isDefault: Bool, variations: JSONObject) -> String? {
        if !isDefault && rule.isDisabled { return nil }
        if rule.percentages == nil && rule.progressiveRollout == nil && rule.variation == nil {
            return "impossible to return value"
        }
        if !isDefault {
            guard let query = rule.query else { return "each targeting should have a query" }
            if let error = validate(query) { return error }
        }
        if let percentages = rule.percentages {
            if percentages.isEmpty { return "invalid percentages: should not be empty" }
            var total = 0.0
            for p in percentages {
                total += p.value
                if variations[p.variation] == nil {
                    return "invalid percentage: variation \(p.variation) does not exist"
                }
            }
            if total == 0 { return "invalid percentages: should not be equal to 0" }
        }
        if let rollout = rule.progressiveRollout {
            let initial = rollout.initial?.percentage ?? 0
            let end = rollout.end?.percentage ?? 0
            if end < initial {
                return "invalid progressive rollout, initial percentage should be lower than end percentage: "
                    + "\(GoParseFloat.formatF(initial))/\(GoParseFloat.formatF(end))"
            }
            let endVariation = rollout.end?.variation ?? ""
            if variations[endVariation] == nil {
                return "invalid progressive rollout, end variation \(endVariation) does not exist"
            }
            let initialVariation = rollout.initial?.variation ?? ""
            if variations[initialVariation] == nil {
                return "invalid progressive rollout, initial variation \(initialVariation) does not exist"
            }
        }
        if rule.percentages == nil, rule.progressiveRollout == nil, let variation = rule.variation,
            variations[variation] == nil
        {
            return "invalid variation: \(variation) does not exist"
        }
        return nil
    }

    /// GOFF's query validation: JsonLogic must use known operators; a nikunjy query must run without error
    /// against an empty map.
    static func validate(_ query: TargetingQuery) -> String? {
        switch query.kind {
        case .always:
            return "invalid query: Invalid rule"
        case .nikunjy(let expression):
            let empty = MergedContext(
                targetingKey: "", attributes: JSONObject(), enrichment: JSONObject(), intBits: 64,
                synthesizesKeys: false)
            return NikunjyEvaluator.process(expression, context: empty, intBits: 64) == nil
                ? "invalid query: \(query.trimmed)" : nil
        case .jsonLogic(let rule, _):
            return JSONLogic.isValid(rule) ? nil : "invalid jsonlogic query"
        }
    }
}
