// SPDX-License-Identifier: Apache-2.0

import Events

/// The result of one evaluation, field for field what GOFF's engine returns (`model.VariationResult`).
public struct EvaluationResult: Sendable, Equatable {
    /// The variation's value, or the SDK default on error / DISABLED.
    public var value: JSONValue
    /// The variation name, or `SdkDefault` on error / DISABLED.
    public var variationType: String
    /// Why this value.
    public var reason: EvaluationReason
    /// The error code, `nil` when none.
    public var errorCode: EvaluationErrorCode?
    /// GOFF's error message, `nil` when none.
    public var errorDetails: String?
    /// The flag's `trackEvents`.
    public var trackEvents: Bool
    /// `true` when `errorCode` is set.
    public var failed: Bool
    /// The flag's `version`.
    public var version: String
    /// `true` when a provider may cache the result.
    public var cacheable: Bool
    /// Flag metadata plus `evaluatedRuleName`; `nil` when empty.
    public var metadata: JSONObject?

    /// Creates a result.
    public init(
        value: JSONValue, variationType: String, reason: EvaluationReason, errorCode: EvaluationErrorCode? = nil,
        errorDetails: String? = nil, trackEvents: Bool, failed: Bool, version: String, cacheable: Bool,
        metadata: JSONObject?
    ) {
        self.value = value
        self.variationType = variationType
        self.reason = reason
        self.errorCode = errorCode
        self.errorDetails = errorDetails
        self.trackEvents = trackEvents
        self.failed = failed
        self.version = version
        self.cacheable = cacheable
        self.metadata = metadata.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The result as GOFF's engine serialises it (`trackEvents, variationType, failed, version, reason,
    /// errorCode, errorDetails?, value, cacheable, metadata?`).
    public var json: JSONObject {
        var o = JSONObject()
        o["trackEvents"] = .bool(trackEvents)
        o["variationType"] = .string(variationType)
        o["failed"] = .bool(failed)
        o["version"] = .string(version)
        o["reason"] = .string(reason.rawValue)
        o["errorCode"] = .string(errorCode?.rawValue ?? "")
        if let errorDetails, !errorDetails.isEmpty { o["errorDetails"] = .string(errorDetails) }
        o["value"] = value
        o["cacheable"] = .bool(cacheable)
        if let metadata { o["metadata"] = .object(metadata) }
        return o
    }
}

extension EvaluationResult {
    /// What GOFF returns for a key that is not in its flag cache: `ERROR` / `FLAG_NOT_FOUND`, the SDK
    /// default, `trackEvents` true (GOFF consults an empty placeholder flag), nothing cacheable.
    public static func flagNotFound(defaultValue: JSONValue) -> EvaluationResult {
        EvaluationResult(
            value: defaultValue, variationType: FlagEvaluator.sdkDefaultVariant, reason: .error,
            errorCode: .flagNotFound, trackEvents: true, failed: true, version: "", cacheable: false, metadata: nil)
    }
}
