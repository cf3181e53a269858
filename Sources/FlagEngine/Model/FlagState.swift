// SPDX-License-Identifier: Apache-2.0

import Events

/// The parts of a flag that evaluation reads, after the due scheduled steps have been merged in.
struct FlagState: Sendable {
    var variations: JSONObject?
    var rules: [Rule]
    var hasRules: Bool
    var defaultRule: Rule?
    var disable: Bool
    var experimentation: Experimentation?
    var requiresBucketing: Bool
    var cacheable: Bool

    mutating func finish(stepsNeedBucketing: Bool, hasSchedule: Bool) {
        hasRules = !rules.isEmpty
        requiresBucketing =
            (defaultRule?.requiresBucketing ?? false) || rules.contains { $0.requiresBucketing } || stepsNeedBucketing
        cacheable = !(hasSchedule || experimentation != nil)
    }

    /// GOFF's `applyScheduledRolloutSteps` for one step (fields that do not reach results are skipped).
    mutating func apply(_ step: FlagFields) {
        rules = FlagState.mergeSetOfRules(rules, step.rules ?? [])
        if let d = step.disable { disable = d }
        if let update = step.defaultRule {
            // GOFF dereferences a nil default rule here (a panic); merging into an empty rule is kinder.
            var merged = defaultRule ?? Rule()
            merged.merge(update)
            defaultRule = merged
        }
        if let v = step.variations, variations != nil { variations?.merge(v) }
        if let e = step.experimentation {
            var merged = experimentation ?? Experimentation()
            if let s = e.start { merged.start = s }
            if let end = e.end { merged.end = end }
            experimentation = merged
        }
    }

    /// GOFF's `MergeSetOfRules`: named updates merge into the rules of the same name (an update named ""
    /// merges into every unnamed rule); updates that merged nowhere are appended.
    static func mergeSetOfRules(_ initial: [Rule], _ updates: [Rule]) -> [Rule] {
        var modified: [[UInt8]: Rule] = [:]
        for update in updates {
            if let name = update.name { modified[Array(name.utf8)] = update }
        }
        var collection = initial
        var mergedNames: Set<[UInt8]> = []
        for index in collection.indices {
            let name = Array((collection[index].name ?? "").utf8)
            if let update = modified[name] {
                collection[index].merge(update)
                mergedNames.insert(name)
            }
        }
        for update in updates where !mergedNames.contains(Array((update.name ?? "").utf8)) {
            collection.append(update)
        }
        return collection
    }
}
