// SPDX-License-Identifier: Apache-2.0

/// A compiled ``TargetingQuery`` held by reference in a ``RulePlan``, so that evaluating it copies nothing.
final class QueryMatcher: Sendable {
    let kind: TargetingQuery.Kind

    init(_ query: TargetingQuery) {
        kind = query.kind
    }

    /// Evaluates the query against a context.
    func matches(_ context: MergedContext, intBits: Int) -> Bool {
        switch kind {
        case .always:
            return true
        case .nikunjy(let expression):
            return NikunjyEvaluator.matches(expression, context: context, intBits: intBits)
        case .jsonLogic(_, let rule):
            return JSONLogic.isTruthyResult(rule: rule, data: context.jsonLogicData())
        }
    }
}
