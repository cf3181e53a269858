// SPDX-License-Identifier: Apache-2.0

import Events

extension FlagEvaluator {
    /// GOFF's `selectVariation`: targeting rules in order (first match wins), then the default rule.
    func selectVariation(
        flagKey: String, key: String, plan: StatePlan, context: MergedContext, date: Timestamp
    ) -> Result<Selection, Message> {
        for rule in plan.rules {
            if key.isEmpty && rule.requiresBucketing {
                return .failure(Message("evaluate Rule: no key for bucketing-required rule"))
            }
            // The query is pure: a disabled rule need not run it.
            if rule.isDisabled { continue }
            if let query = rule.query, !query.matches(context, intBits: goIntBits) { continue }
            switch serve(rule, flagKey: flagKey, key: key, plan: plan, date: date) {
            case .success(let served):
                return .success(
                    Selection(
                        variant: served.variant, value: served.value,
                        reason: rule.isDynamic ? .targetingMatchSplit : .targetingMatch,
                        metadata: rule.matchMetadata,
                        cacheable: plan.cacheable && rule.progressiveRollout == nil))
            case .failure(let message):
                return .failure(message)
            }
        }
        guard let rule = plan.defaultRule else { return .failure(Message("no default targeting for the flag")) }
        if key.isEmpty && rule.requiresBucketing {
            return .failure(Message("evaluate Rule: no key for bucketing-required rule"))
        }
        switch serve(rule, flagKey: flagKey, key: key, plan: plan, date: date) {
        case .success(let served):
            let reason: EvaluationReason = rule.isDynamic ? .split : (plan.hasRules ? .defaultRule : .staticValue)
            return .success(
                Selection(
                    variant: served.variant, value: served.value, reason: reason, metadata: nil,
                    cacheable: plan.cacheable && rule.progressiveRollout == nil))
        case .failure(let message):
            return .failure(message)
        }
    }

    /// The variation a rule that applies serves (GOFF's `Rule.Evaluate` once the query matched).
    func serve(
        _ rule: RulePlan, flagKey: String, key: String, plan: StatePlan, date: Timestamp
    ) -> Result<(variant: String, value: JSONValue), Message> {
        if let rollout = rule.progressiveRollout {
            switch FlagEvaluator.progressive(rollout, flagKey: flagKey, key: key, date: date) {
            case .success(let variant): return .success((variant, plan.value(of: variant)))
            case .failure(let message): return .failure(message)
            }
        }
        if let buckets = rule.buckets {
            let hash = FNV1a32.bucket(flagKey: flagKey, key: key, max: rule.bucketSpace)
            for bucket in buckets where bucket.start <= hash && bucket.end > hash {
                return .success((bucket.variation, bucket.value))
            }
            return .failure(Message("impossible to find the variation"))
        }
        if let variation = rule.variation { return .success((variation, rule.variationValue)) }
        return .failure(Message("error in the configuration, no variation available for this rule"))
    }

    /// GOFF's progressive rollout: the share of users on the end variation grows linearly between the dates.
    static func progressive(
        _ rollout: ProgressiveRollout, flagKey: String, key: String, date: Timestamp
    ) -> Result<String, Message> {
        let hash = FNV1a32.bucket(flagKey: flagKey, key: key, max: 100_000)
        guard let initial = rollout.initial, let initialDate = initial.date, let initialVariation = initial.variation,
            let end = rollout.end, let endDate = end.date, let endVariation = end.variation, initialDate < endDate
        else { return .failure(Message("error in the progressive rollout, missing params")) }
        if date < initialDate { return .success(initialVariation) }
        let initialPercentage = (initial.percentage ?? 0) * 1000
        var endShare = end.percentage ?? 0
        if endShare == 0 || endShare > 100 { endShare = 100 }
        let endPercentage = endShare * 1000
        let seconds = endDate.unixSeconds - initialDate.unixSeconds
        let perSecond = (endPercentage - initialPercentage) / Double(seconds)
        let current: Double
        if !(date < endDate) {
            current = endPercentage
        } else {
            current = Double(date.unixSeconds - initialDate.unixSeconds) * perSecond + initialPercentage
        }
        return .success(hash < GoNumeric.uint32(current) ? endVariation : initialVariation)
    }
}
