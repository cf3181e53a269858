// SPDX-License-Identifier: Apache-2.0

import Events

/// A ``FlagState`` compiled for evaluation, once per flag refresh: a reference, so that picking the state
/// and walking its rules copies nothing.
final class StatePlan: Sendable {
    let variations: JSONObject?
    let rules: [RulePlan]
    let defaultRule: RulePlan?
    let hasRules: Bool
    let disable: Bool
    let experimentation: Experimentation?
    let requiresBucketing: Bool
    let cacheable: Bool

    init(_ state: FlagState, flagMetadata: JSONObject?) {
        variations = state.variations
        rules = state.rules.map { RulePlan($0, variations: state.variations, flagMetadata: flagMetadata) }
        defaultRule = state.defaultRule.map {
            RulePlan($0, variations: state.variations, flagMetadata: flagMetadata)
        }
        hasRules = state.hasRules
        disable = state.disable
        experimentation = state.experimentation
        requiresBucketing = state.requiresBucketing
        cacheable = state.cacheable
    }

    /// The value of `variation` (`null` when the flag has no such variation).
    func value(of variation: String) -> JSONValue {
        variations?.engineValue(forKey: variation) ?? .null
    }
}
