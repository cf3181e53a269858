// SPDX-License-Identifier: Apache-2.0

extension FlagEvaluator {
    /// GOFF's `selectVariation`: targeting rules in order (first match wins), then the default rule.
    func selectVariation(
        flagKey: String, key: String, state: FlagState, context: MergedContext, date: Timestamp
    ) -> Result<Selection, Message> {
        for rule in state.rules {
            switch evaluate(rule: rule, isDefault: false, flagKey: flagKey, key: key, context: context, date: date) {
            case .success(nil):
                continue
            case .success(let variant?):
                return .success(
                    Selection(
                        variant: variant, reason: rule.isDynamic ? .targetingMatchSplit : .targetingMatch,
                        ruleName: rule.name, cacheable: state.cacheable && rule.progressiveRollout == nil))
            case .failure(let message):
                return .failure(message)
            }
        }
        guard let rule = state.defaultRule else { return .failure(Message("no default targeting for the flag")) }
        switch evaluate(rule: rule, isDefault: true, flagKey: flagKey, key: key, context: context, date: date) {
        case .success(let variant):
            let reason: EvaluationReason = rule.isDynamic ? .split : (state.hasRules ? .defaultRule : .staticValue)
            return .success(
                Selection(
                    variant: variant ?? "", reason: reason, ruleName: nil,
                    cacheable: state.cacheable && rule.progressiveRollout == nil))
        case .failure(let message):
            return .failure(message)
        }
    }

    /// GOFF's `Rule.Evaluate`: `nil` when a targeting rule does not apply.
    func evaluate(
        rule: Rule, isDefault: Bool, flagKey: String, key: String, context: MergedContext, date: Timestamp
    ) -> Result<String?, Message> {
        if key.isEmpty && rule.requiresBucketing {
            return .failure(Message("evaluate Rule: no key for bucketing-required rule"))
        }
        if !isDefault {
            let applies = rule.query.map { $0.matches(context, intBits: goIntBits) } ?? true
            if !applies || rule.isDisabled { return .success(nil) }
        }
        if let rollout = rule.progressiveRollout {
            return FlagEvaluator.progressive(rollout, flagKey: flagKey, key: key, date: date).map { $0 }
        }
        if let percentages = rule.percentages, !percentages.isEmpty {
            return FlagEvaluator.split(percentages, flagKey: flagKey, key: key).map { $0 }
        }
        if let variation = rule.variation { return .success(variation) }
        return .failure(Message("error in the configuration, no variation available for this rule"))
    }

    /// GOFF's percentage bucketing: `FNV-1a-32(flagKey + key) % uint32(Σ × 1000)`, buckets laid out in
    /// descending variation-name order, each `percentage × 1000` wide.
    static func split(_ percentages: [Rule.Percentage], flagKey: String, key: String) -> Result<String, Message> {
        var total = 0.0
        for p in percentages { total += p.value }
        let hash = FNV1a32.bucket(flagKey: flagKey, key: key, max: GoNumeric.uint32(total * 1000))
        var start = 0.0
        for p in percentages {
            let end = start + p.value * 1000
            if GoNumeric.uint32(start) <= hash && GoNumeric.uint32(end) > hash { return .success(p.variation) }
            start = end
        }
        return .failure(Message("impossible to find the variation"))
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
