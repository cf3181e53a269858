// SPDX-License-Identifier: Apache-2.0

import Events

/// GO Feature Flag's evaluation engine (`InternalFlag.Value` + `evaluation.Evaluate`), pure: no I/O, no clock.
public struct FlagEvaluator: Sendable {
    /// The flag set's `evaluationContextEnrichment`, merged over every context (enrichment wins).
    public var evaluationContextEnrichment: JSONObject
    /// Width of Go's `int` in the query language: 64 as in the Go relay (default), 32 to reproduce the
    /// reference WebAssembly build bit for bit (it truncates integers beyond ±2^31).
    public var goIntBits: Int

    /// The value GOFF reports as the variant on errors and DISABLED.
    public static let sdkDefaultVariant = "SdkDefault"

    /// Creates an evaluator.
    public init(evaluationContextEnrichment: JSONObject = JSONObject(), goIntBits: Int = 64) {
        self.evaluationContextEnrichment = evaluationContextEnrichment
        self.goIntBits = goIntBits == 32 ? 32 : 64
    }

    /// Evaluates `flag` for `context`.
    /// - Parameters:
    ///   - flagKey: the flag's key (part of the bucketing hash).
    ///   - defaultValue: the SDK default, returned on errors and when the flag is disabled.
    ///   - now: the evaluation time unless the context carries `gofeatureflag.currentDateTime`.
    public func evaluate(
        flagKey: String, flag: Flag, context: EvaluationContext, defaultValue: JSONValue, now: Timestamp
    ) -> EvaluationResult {
        let contextDate = context.currentDateTime
        let evaluationDate = contextDate ?? now
        let plan = flag.plan(at: evaluationDate)
        let merged = MergedContext(
            targetingKey: context.targetingKey, attributes: context.attributes,
            enrichment: evaluationContextEnrichment, intBits: goIntBits)

        func failure(_ code: EvaluationErrorCode, _ details: String, metadata: JSONObject?) -> EvaluationResult {
            EvaluationResult(
                value: defaultValue, variationType: FlagEvaluator.sdkDefaultVariant, reason: .error, errorCode: code,
                errorDetails: details, trackEvents: flag.trackEvents, failed: true, version: flag.version,
                cacheable: false, metadata: metadata)
        }

        let key: String
        switch bucketingKey(flag: flag, plan: plan, context: merged) {
        case .success(let k): key = k
        case .failure(let message):
            return failure(.targetingKeyMissing, message.text, metadata: flag.fields.metadata)
        }

        if plan.disable || (plan.experimentation?.isOver(at: evaluationDate) ?? false) {
            return EvaluationResult(
                value: defaultValue, variationType: FlagEvaluator.sdkDefaultVariant, reason: .disabled,
                trackEvents: flag.trackEvents, failed: false, version: flag.version,
                cacheable: flag.declaredCacheable, metadata: flag.fields.metadata)
        }

        // Without enrichment the merged context's date is the context's own.
        let ruleDate = (evaluationContextEnrichment.isEmpty ? contextDate : merged.currentDateTime) ?? now
        switch selectVariation(flagKey: flagKey, key: key, plan: plan, context: merged, date: ruleDate) {
        case .failure(let message):
            return failure(.flagConfiguration, message.text, metadata: flag.fields.metadata)
        case .success(let selection):
            return EvaluationResult(
                value: selection.value, variationType: selection.variant, reason: selection.reason,
                trackEvents: flag.trackEvents, failed: false, version: flag.version, cacheable: selection.cacheable,
                metadata: selection.metadata ?? flag.fields.metadata)
        }
    }

    /// An error message carried through `Result`.
    struct Message: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    struct Selection {
        var variant: String
        var value: JSONValue
        var reason: EvaluationReason
        /// The result's metadata when a targeting rule matched (`nil`: the flag's own).
        var metadata: JSONObject?
        var cacheable: Bool
    }

    /// GOFF's `GetBucketingKeyValue`.
    func bucketingKey(flag: Flag, plan: StatePlan, context: MergedContext) -> Result<String, Message> {
        if let path = flag.fields.bucketingKey {
            if path.isEmpty { return .success(context.targetingKey) }
            guard let value = nestedAttribute(path, in: context) else {
                return .failure(Message("impossible to find bucketingKey in context: nested key not found: \(path)"))
            }
            guard case .string(let s) = value else { return .failure(Message("invalid bucketing key")) }
            if s.isEmpty {
                return plan.requiresBucketing ? .failure(Message("Error: Empty bucketing key")) : .success("")
            }
            return .success(s)
        }
        if context.targetingKey.isEmpty {
            return plan.requiresBucketing ? .failure(Message("Error: Empty targeting key")) : .success("")
        }
        return .success(context.targetingKey)
    }

    /// GOFF's `GetNestedFieldValue` over the custom attributes (after enrichment).
    func nestedAttribute(_ path: String, in context: MergedContext) -> JSONValue? {
        var current: JSONValue?
        for (index, part) in path.split(separator: ".", omittingEmptySubsequences: false).enumerated() {
            let name = String(part)
            if index == 0 {
                current = context.rawAttribute(name)
            } else if case .object(let o)? = current {
                current = o[name]
            } else {
                return nil
            }
            if current == nil { return nil }
        }
        return current
    }
}
