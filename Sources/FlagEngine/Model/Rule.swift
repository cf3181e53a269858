// SPDX-License-Identifier: Apache-2.0

import Events

/// One targeting rule (or the default rule) of a flag, as GOFF's `flag.Rule`; every field is optional as in Go.
public struct Rule: Sendable {
    /// Rule name (reported as `evaluatedRuleName`; the key for scheduled-rollout merges).
    public var name: String?
    /// The targeting query, compiled once; `nil` when the rule has no `query`.
    public var query: TargetingQuery?
    /// The variation served when the rule has neither percentages nor a progressive rollout.
    public var variation: String?
    /// The percentage split, sorted by variation name in descending byte order (GOFF's bucket order);
    /// `nil` when absent, empty when given as `{}`.
    public var percentages: [Percentage]?
    /// Time-based ramp from one variation to another.
    public var progressiveRollout: ProgressiveRollout?
    /// `true` disables a targeting rule (ignored on the default rule).
    public var disable: Bool?

    /// One variation's share of a percentage split.
    public struct Percentage: Sendable, Equatable {
        /// Variation name.
        public var variation: String
        /// Share (relative weight; GOFF multiplies it by 1000).
        public var value: Double
    }

    /// Creates an empty rule.
    public init() {}

    /// `true` when the rule needs a bucketing key (non-empty percentages or a progressive rollout).
    var requiresBucketing: Bool {
        (percentages.map { !$0.isEmpty } ?? false) || progressiveRollout != nil
    }

    /// GOFF's `IsDynamic`: a progressive rollout, or a non-empty split where no variation has exactly 100.
    var isDynamic: Bool {
        if progressiveRollout != nil { return true }
        guard let percentages, !percentages.isEmpty else { return false }
        return !percentages.contains { $0.value == 100 }
    }

    var isDisabled: Bool { disable ?? false }

    static let fieldNames = ["name", "query", "variation", "percentage", "progressiveRollout", "disable"]

    /// Decodes a rule as Go's `encoding/json` fills `flag.Rule` (`null` gives an empty rule).
    init(json: JSONValue, path: String) throws(FlagParseError) {
        self.init()
        guard let object = try GoFieldDecoder.object(json, "flag.Rule", path) else { return }
        let f = GoFieldDecoder.fields(object, names: Rule.fieldNames)
        name = try GoFieldDecoder.string(f["name"], path + ".name")
        if let text = try GoFieldDecoder.string(f["query"], path + ".query") {
            query = TargetingQuery(text)
        }
        variation = try GoFieldDecoder.string(f["variation"], path + ".variation")
        if let p = try GoFieldDecoder.object(f["percentage"], "map[string]float64", path + ".percentage") {
            var entries: [Percentage] = []
            for member in p.members {
                let value: Double
                switch member.value {
                case .null: value = 0
                case .number(let d): value = d
                default: throw GoFieldDecoder.mismatch(member.value, "float64", path + ".percentage")
                }
                entries.append(Percentage(variation: member.key, value: value))
            }
            percentages = Rule.sorted(entries)
        }
        if let pr = f["progressiveRollout"] {
            progressiveRollout = try ProgressiveRollout(json: pr, path: path + ".progressiveRollout")
        }
        disable = try GoFieldDecoder.bool(f["disable"], path + ".disable")
    }

    /// Percentages sorted in GOFF's bucket order: variation names in descending byte order.
    static func sorted(_ entries: [Percentage]) -> [Percentage] {
        entries.sorted { $1.variation.utf8.lexicographicallyPrecedes($0.variation.utf8) }
    }

    /// GOFF's `MergeRules`: the fields set in `update` replace (or, for percentages and the rollout, merge into)
    /// this rule's fields. A negative percentage removes that variation from the split.
    mutating func merge(_ update: Rule) {
        if let d = update.disable { disable = d }
        if let q = update.query { query = q }
        if let v = update.variation { variation = v }
        if let upr = update.progressiveRollout {
            var merged = progressiveRollout ?? ProgressiveRollout(initial: .init(), end: .init())
            if let i = upr.initial { merged.initial = (merged.initial ?? .init()).merging(i) }
            if let e = upr.end { merged.end = (merged.end ?? .init()).merging(e) }
            progressiveRollout = merged
        }
        if let up = update.percentages {
            var merged = percentages ?? []
            for entry in up {
                let existing = merged.firstIndex { $0.variation.utf8.elementsEqual(entry.variation.utf8) }
                if entry.value < 0 {
                    if let existing { merged.remove(at: existing) }
                } else if let existing {
                    merged[existing].value = entry.value
                } else {
                    merged.append(entry)
                }
            }
            percentages = Rule.sorted(merged)
        }
    }
}
