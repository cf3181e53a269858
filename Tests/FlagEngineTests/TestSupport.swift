// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine

/// Small helpers shared by the FlagEngine unit tests.
enum TestSupport {
    static let now = Timestamp(unixSeconds: 1_767_225_600)  // 2026-01-01T00:00:00Z

    static func json(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text)
    }

    static func object(_ text: String) throws -> JSONObject {
        try json(text).objectValue ?? JSONObject()
    }

    /// Evaluates the flag given as JSON text.
    static func evaluate(
        _ flag: String, key: String = "flag", context: String = #"{"targetingKey":"user-1"}"#,
        enrichment: String = "{}", defaultValue: JSONValue = .null, now: Timestamp = TestSupport.now,
        intBits: Int = 64
    ) throws -> EvaluationResult {
        let evaluator = FlagEvaluator(evaluationContextEnrichment: try object(enrichment), goIntBits: intBits)
        return evaluator.evaluate(
            flagKey: key, flag: try Flag(json: try json(flag)), context: EvaluationContext(flat: try object(context)),
            defaultValue: defaultValue, now: now)
    }

    /// Whether `query` matches `context` (a flag whose only rule serves "hit").
    static func matches(_ query: String, _ context: String, intBits: Int = 64) throws -> Bool {
        var rule = JSONObject()
        rule["query"] = .string(query)
        rule["variation"] = "hit"
        var flag = JSONObject()
        flag["variations"] = ["hit": true, "miss": false]
        flag["targeting"] = .array([.object(rule)])
        flag["defaultRule"] = ["variation": "miss"]
        let evaluator = FlagEvaluator(goIntBits: intBits)
        let result = evaluator.evaluate(
            flagKey: "q", flag: try Flag(json: .object(flag)), context: EvaluationContext(flat: try object(context)),
            defaultValue: .null, now: now)
        return result.variationType == "hit"
    }
}
