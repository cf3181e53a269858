// SPDX-License-Identifier: Apache-2.0

import Events

/// A GOFF flag, parsed once: its fields as declared, every targeting query compiled, and the flag as each
/// scheduled-rollout step leaves it precomputed and compiled, so that evaluation only picks a ready state.
public struct Flag: Sendable {
    /// The flag's fields as declared.
    public let fields: FlagFields
    /// The dates of the dated steps, in the order GOFF applies them (oldest first, stable).
    let stepDates: [Timestamp]
    /// The flag before any scheduled step, then the state that applying each step of ``stepDates`` and
    /// every earlier one produces, each compiled for evaluation.
    let plans: [StatePlan]
    /// GOFF's `isCacheable` on the flag as declared (no scheduled steps and no experimentation).
    let declaredCacheable: Bool

    /// Parses a flag from its JSON (YAML already converted) with Go's `encoding/json` rules.
    /// - Throws: ``FlagParseError`` when a field has a JSON kind its Go type cannot hold (GOFF: `PARSE_ERROR`).
    public init(json: JSONValue) throws(FlagParseError) {
        if json.isNull {
            self.init(fields: FlagFields())
            return
        }
        guard case .object(let object) = json else {
            throw GoFieldDecoder.mismatch(json, "flag.InternalFlag", "flag")
        }
        let f = GoFieldDecoder.fields(object, names: FlagFields.fieldNames)
        self.init(fields: try FlagFields(fields: f, path: ""))
    }

    /// Builds a flag from already decoded fields.
    public init(fields: FlagFields) {
        self.fields = fields
        let steps = fields.scheduledSteps ?? []
        let stepsNeedBucketing = steps.contains { $0.requiresBucketing }
        let hasSchedule = !steps.isEmpty
        var state = FlagState(
            variations: fields.variations,
            rules: fields.rules ?? [],
            hasRules: !(fields.rules ?? []).isEmpty,
            defaultRule: fields.defaultRule,
            disable: fields.disable ?? false,
            experimentation: fields.experimentation,
            requiresBucketing: false,
            cacheable: false
        )
        state.finish(stepsNeedBucketing: stepsNeedBucketing, hasSchedule: hasSchedule)
        var plans = [StatePlan(state, flagMetadata: fields.metadata)]
        let dated = steps.enumerated().compactMap { item -> (Int, Timestamp, ScheduledStep)? in
            guard let d = item.element.date else { return nil }
            return (item.offset, d, item.element)
        }
        .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        var stepDates: [Timestamp] = []
        for (_, date, step) in dated {
            state.apply(step.fields)
            state.finish(stepsNeedBucketing: stepsNeedBucketing, hasSchedule: hasSchedule)
            stepDates.append(date)
            plans.append(StatePlan(state, flagMetadata: fields.metadata))
        }
        self.stepDates = stepDates
        self.plans = plans
        declaredCacheable = !(hasSchedule || fields.experimentation != nil)
    }

    /// The compiled state the scheduled steps due at `date` (step date ≤ `date`) leave.
    func plan(at date: Timestamp) -> StatePlan {
        var lo = 0
        var hi = stepDates.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if date < stepDates[mid] { hi = mid } else { lo = mid + 1 }
        }
        return plans[lo]
    }

    /// `trackEvents` as results report it (GOFF reads the declared flag, not the scheduled state).
    public var trackEvents: Bool { fields.trackEvents ?? true }
    /// `version` as results report it (the declared one).
    public var version: String { fields.version ?? "" }
}
