// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine

/// Request bodies of the evaluation routes.
enum EvaluationRequest {
    /// Why an OFREP body was refused.
    enum ContextError: Error {
        /// The body is not JSON of the expected shape (GOFF's bind error).
        case bind(String)
        /// `context` is missing or null.
        case missing
    }

    /// GOFF's message for a missing OFREP context.
    static let missingContextMessage = "GO Feature Flag requires an evaluation context in the request."

    /// The `context` object of an OFREP body.
    static func ofrepContext(_ bytes: [UInt8]) -> Result<JSONObject, ContextError> {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .failure(.missing) }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return .failure(.bind("code=400, message=\(error)"))
        }
        guard case .object(let body) = value else {
            return .failure(.bind("code=400, message=Unmarshal type error: expected=model.OFREPEvalFlagRequest"))
        }
        switch body["context"] {
        case nil, .null?: return .failure(.missing)
        case .object(let context)?: return .success(context)
        default:
            return .failure(
                .bind("code=400, message=Unmarshal type error: expected=map[string]interface {}, field=context"))
        }
    }

    /// `context.gofeatureflag.flagList` when it is a non-empty list of strings.
    static func flagList(in attributes: JSONObject) -> [String]? {
        guard case .object(let goff)? = attributes["gofeatureflag"], case .array(let list)? = goff["flagList"]
        else { return nil }
        let keys = list.compactMap(\.stringValue)
        return keys.isEmpty ? nil : keys
    }

    /// `context.gofeatureflag.exporterMetadata` when it is an object.
    static func exporterMetadata(in attributes: JSONObject) -> JSONObject? {
        guard case .object(let goff)? = attributes["gofeatureflag"],
            case .object(let metadata)? = goff["exporterMetadata"]
        else { return nil }
        return metadata
    }

    /// A legacy body (`/v1/feature/{key}/eval`, `/v1/allflags`): the context and `defaultValue`, or `nil`
    /// when neither `evaluationContext` nor `user` is there.
    static func legacy(
        _ bytes: [UInt8]
    ) throws(JSONParseError) -> (context: EvaluationContext, defaultValue: JSONValue)? {
        guard case .object(let body) = try JSONParser.parse(bytes) else { return nil }
        let user: JSONObject
        if case .object(let context)? = body["evaluationContext"] {
            user = context
        } else if case .object(let legacyUser)? = body["user"] {
            user = legacyUser
        } else {
            return nil
        }
        var attributes = user["custom"]?.objectValue ?? JSONObject()
        if let anonymous = user["anonymous"]?.boolValue { attributes["anonymous"] = .bool(anonymous) }
        let context = EvaluationContext(targetingKey: user["key"]?.stringValue ?? "", attributes: attributes)
        return (context, body["defaultValue"] ?? .null)
    }
}
