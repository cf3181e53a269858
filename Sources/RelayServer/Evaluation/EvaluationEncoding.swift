// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine

/// Writes the evaluation routes' JSON bodies with GOFF's field order (Go structs) and Go's map encoding.
enum EvaluationEncoding {
    /// `{"k1":v1,…}` in the given order (a Go struct), values encoded as Go does.
    static func ordered(_ members: [(String, JSONValue)]) -> [UInt8] {
        var out: [UInt8] = []
        appendOrdered(members, to: &out)
        return out
    }

    /// Appends `{"k1":v1,…}` in the given order.
    static func appendOrdered(_ members: [(String, JSONValue)], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            GoJSONEncoder.appendString(member.0, to: &out)
            out.append(UInt8(ascii: ":"))
            GoJSONEncoder.append(member.1, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// GOFF's `model.VariationResult` (legacy single evaluation), in its field order.
    static func variationResult(_ result: EvaluationResult) -> [UInt8] {
        ordered(result.json.members.map { ($0.key, $0.value) })
    }

    /// OFREP's error body `{"errorCode":…,"errorDetails":…,"key"?:…}`.
    static func ofrepError(code: String, details: String, key: String?) -> [UInt8] {
        var members: [(String, JSONValue)] = [("errorCode", .string(code)), ("errorDetails", .string(details))]
        if let key { members.append(("key", .string(key))) }
        return ordered(members)
    }
}
