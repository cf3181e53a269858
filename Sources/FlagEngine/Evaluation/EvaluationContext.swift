// SPDX-License-Identifier: Apache-2.0

import Events

/// The evaluation context GOFF's engine sees: a targeting key plus custom attributes.
///
/// Top-level numbers with an integral value are Go `int`s for the query language (GOFF's
/// `ConvertEvaluationCtxFromRequest`); nested numbers stay `float64`.
public struct EvaluationContext: Sendable {
    /// The targeting key (`""` when absent).
    public var targetingKey: String
    /// Custom attributes (for OFREP requests: every `context` entry, `targetingKey` included).
    public var attributes: JSONObject

    /// Creates a context.
    public init(targetingKey: String, attributes: JSONObject = JSONObject()) {
        self.targetingKey = targetingKey
        self.attributes = attributes
    }

    /// A context from a flat JSON object (OFREP `context`, the WASM engine's `evalContext`): the targeting key
    /// is the `targetingKey` entry when it is a string, and every entry is an attribute.
    public init(flat object: JSONObject) {
        targetingKey = object["targetingKey"]?.stringValue ?? ""
        attributes = object
    }

    /// `context.gofeatureflag.currentDateTime` when it is an RFC 3339 string (GOFF evaluates at that date).
    var currentDateTime: Timestamp? {
        EvaluationContext.currentDateTime(in: attributes)
    }

    static func currentDateTime(in attributes: JSONObject) -> Timestamp? {
        guard case .object(let goff)? = attributes.engineValue(forKey: "gofeatureflag"),
            case .string(let text)? = goff.engineValue(forKey: "currentDateTime")
        else { return nil }
        return Timestamp(rfc3339: text)
    }
}
