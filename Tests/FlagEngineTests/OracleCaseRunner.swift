// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine
import Foundation

/// Replays JSONL cases written by `Fixtures/generate_cases.py` (expected results from GOFF's own engine)
/// through ``FlagEvaluator`` and lists every difference.
enum OracleCaseRunner {
    struct Outcome {
        var cases = 0
        var mismatches: [String] = []
    }

    /// Fields the generator drops from `expect` when they hold these usual values.
    static let usualValues: [(String, JSONValue)] = [
        ("trackEvents", true), ("failed", false), ("version", ""), ("errorCode", ""), ("cacheable", true),
    ]

    static func run(contentsOf url: URL) throws -> Outcome {
        let text = try String(contentsOf: url, encoding: .utf8)
        var outcome = Outcome()
        // The oracle is GOFF's WebAssembly build, where Go's `int` is 32 bits wide.
        let now = Timestamp(unixSeconds: 1_767_225_600)
        for line in text.split(separator: "\n") where !line.isEmpty {
            let record = try JSONParser.parse(String(line))
            guard case .object(let o) = record, case .string(let key)? = o["key"], let flagJSON = o["flag"],
                case .array(let cases)? = o["cases"]
            else { throw CocoaError(.fileReadCorruptFile) }
            let flag = Result { () throws(FlagParseError) -> Flag in try Flag(json: flagJSON) }
            for item in cases {
                guard case .object(let c) = item, case .object(let expectObject)? = c["expect"] else { continue }
                outcome.cases += 1
                var expected = expectObject
                for (field, value) in usualValues where expected[field] == nil { expected[field] = value }
                let label = "\(key) ctx=\(GoJSONText.encode(c["ctx"] ?? .null))"
                switch flag {
                case .failure(let error):
                    if expected["errorCode"] != "PARSE_ERROR" {
                        outcome.mismatches.append("\(label): flag did not parse (\(error)) but oracle gave \(expected)")
                    }
                case .success(let flag):
                    let enrichment = c["enrich"]?.objectValue ?? JSONObject()
                    let evaluator = FlagEvaluator(evaluationContextEnrichment: enrichment, goIntBits: 32)
                    let context = EvaluationContext(flat: c["ctx"]?.objectValue ?? JSONObject())
                    let result = evaluator.evaluate(
                        flagKey: key, flag: flag, context: context, defaultValue: c["default"] ?? .null, now: now)
                    let actual = result.json
                    if actual != expected {
                        outcome.mismatches.append(
                            "\(label)\n  expected \(GoJSONText.encode(.object(expected)))"
                                + "\n  actual   \(GoJSONText.encode(.object(actual)))")
                    }
                }
            }
        }
        return outcome
    }
}

/// Compact JSON text for messages.
enum GoJSONText {
    static func encode(_ value: JSONValue) -> String {
        String(decoding: GoJSONEncoder().encode(value), as: UTF8.self)
    }
}
