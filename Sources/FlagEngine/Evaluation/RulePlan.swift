// SPDX-License-Identifier: Apache-2.0

import Events

/// One rule of a ``StatePlan``, with everything evaluation derives from it computed once per flag refresh:
/// its flags, its percentage buckets, the values it serves and the metadata its results carry.
final class RulePlan: Sendable {
    /// One bucket of a percentage split: `[start, end)` in GOFF's hash space, and what it serves.
    struct Bucket: Sendable {
        let start: UInt32
        let end: UInt32
        let variation: String
        let value: JSONValue
    }

    let name: String?
    /// The compiled query; `nil` when the rule has none (it always applies).
    let query: QueryMatcher?
    let isDisabled: Bool
    let requiresBucketing: Bool
    let isDynamic: Bool
    let progressiveRollout: ProgressiveRollout?
    /// Non-empty when the rule has a non-empty percentage split; `nil` otherwise.
    let buckets: [Bucket]?
    /// The hash modulus of the split: `uint32(Σ percentages × 1000)`.
    let bucketSpace: UInt32
    /// The variation served when the rule has neither a split nor a rollout, and its value.
    let variation: String?
    let variationValue: JSONValue
    /// The flag's metadata plus `evaluatedRuleName` when the rule has a non-empty name (the metadata of
    /// every result this rule selects as a targeting rule).
    let matchMetadata: JSONObject?

    init(_ rule: Rule, variations: JSONObject?, flagMetadata: JSONObject?) {
        name = rule.name
        query = rule.query.map(QueryMatcher.init)
        isDisabled = rule.isDisabled
        requiresBucketing = rule.requiresBucketing
        isDynamic = rule.isDynamic
        progressiveRollout = rule.progressiveRollout
        variation = rule.variation
        variationValue = rule.variation.flatMap { variations?[$0] } ?? .null
        if let percentages = rule.percentages, !percentages.isEmpty {
            // The same float operations, in the same order, as GOFF's bucketing.
            var total = 0.0
            for p in percentages { total += p.value }
            bucketSpace = GoNumeric.uint32(total * 1000)
            var buckets: [Bucket] = []
            var start = 0.0
            for p in percentages {
                let end = start + p.value * 1000
                buckets.append(
                    Bucket(
                        start: GoNumeric.uint32(start), end: GoNumeric.uint32(end), variation: p.variation,
                        value: variations?[p.variation] ?? .null))
                start = end
            }
            self.buckets = buckets
        } else {
            buckets = nil
            bucketSpace = 0
        }
        if let name = rule.name, !name.isEmpty {
            var m = flagMetadata ?? JSONObject()
            m["evaluatedRuleName"] = .string(name)
            matchMetadata = m
        } else {
            matchMetadata = flagMetadata
        }
    }
}
