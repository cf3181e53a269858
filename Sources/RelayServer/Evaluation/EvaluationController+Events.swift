// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine
import Foundation
import Logging
import Metrics

extension EvaluationController {
    /// Hands the `source:"SERVER"` event of a single evaluation to the exporters (through
    /// ``EvaluationEventBuffer``) without making the response wait.
    /// - Parameter errorValue: the value reported when the evaluation failed (`null` for OFREP, the request's
    ///   `defaultValue` for the legacy route).
    func emit(_ result: EvaluationResult, key: String, context: EvaluationContext, errorValue: JSONValue) {
        guard result.trackEvents else { return }
        let event = Self.featureEvent(
            result, key: key, context: context, errorValue: errorValue,
            creationDate: Int64(Date().timeIntervalSince1970))
        events.add(.feature(event))
    }

    /// GOFF's FeatureEvent for one evaluation.
    static func featureEvent(
        _ result: EvaluationResult, key: String, context: EvaluationContext, errorValue: JSONValue, creationDate: Int64
    ) -> FeatureEvent {
        let anonymous = context.attributes["anonymous"]?.boolValue == true
        return FeatureEvent(
            contextKind: anonymous ? "anonymousUser" : "user", userKey: context.targetingKey,
            creationDate: creationDate, key: key, variation: result.variationType,
            value: result.errorCode == nil ? result.value : errorValue, default: result.errorCode != nil,
            version: result.version, source: "SERVER",
            metadata: EvaluationRequest.exporterMetadata(in: context.attributes))
    }
}
