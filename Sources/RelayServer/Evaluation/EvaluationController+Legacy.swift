// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine
import Foundation
import Hummingbird

extension EvaluationController {
    /// GOFF's message when a legacy body carries no user.
    static let missingUserMessage = "assertRequest: impossible to find user in request"

    func legacyBody<Context: RequestContext>(
        _ request: Request, context: Context, route: String
    ) async throws -> (context: EvaluationContext, defaultValue: JSONValue) {
        let parsed: (context: EvaluationContext, defaultValue: JSONValue)?
        do {
            parsed = try EvaluationRequest.legacy(try await body(request, context: context))
        } catch let error as JSONParseError {
            throw RelayHTTPError(.badRequest, message: "\(route): invalid input data code=400, message=\(error)")
        }
        guard let parsed else { throw RelayHTTPError(.badRequest, message: Self.missingUserMessage) }
        return parsed
    }

    /// `POST /v1/feature/{key}/eval`: always 200 with GOFF's `VariationResult`; emits an event.
    func legacySingle<Context: RequestContext>(_ request: Request, context: Context) async throws -> Response {
        let key = context.parameters.get("flagKey") ?? ""
        let input = try await legacyBody(request, context: context, route: "evalFlag")
        let result = Self.evaluate(
            routes.source.current(), key: key, context: input.context, defaultValue: input.defaultValue)
        emit(result, key: key, context: input.context, errorValue: input.defaultValue)
        return JSONResponse.make(status: .ok, bytes: EvaluationEncoding.variationResult(result))
    }

    /// `POST /v1/allflags`: every flag (or `gofeatureflag.flagList`), no events.
    func legacyAll<Context: RequestContext>(_ request: Request, context: Context) async throws -> Response {
        let input = try await legacyBody(request, context: context, route: "allFlags")
        let view = routes.source.current()
        var keys = view.flags.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if let wanted = EvaluationRequest.flagList(in: input.context.attributes) {
            let set = Set(wanted)
            keys = keys.filter { set.contains($0) }
        }
        let timestamp = JSONValue.number(Double(Int64(Date().timeIntervalSince1970)))
        var flags = JSONObject()
        var valid = true
        var out: [UInt8] = [UInt8(ascii: "{")]
        for key in keys {
            let result = Self.evaluate(view, key: key, context: input.context, defaultValue: .null)
            if result.errorCode != nil { valid = false }
            var members: [(String, JSONValue)] = [
                ("value", result.value), ("timestamp", timestamp), ("variationType", .string(result.variationType)),
                ("trackEvents", .bool(result.trackEvents)), ("errorCode", .string(result.errorCode?.rawValue ?? "")),
            ]
            if let details = result.errorDetails, !details.isEmpty {
                members.append(("errorDetails", .string(details)))
            }
            members.append(("reason", .string(result.reason.rawValue)))
            if let metadata = result.metadata { members.append(("metadata", .object(metadata))) }
            flags[key] = .null
            var entry: [UInt8] = []
            EvaluationEncoding.appendOrdered(members, to: &entry)
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            GoJSONEncoder.appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: entry)
        }
        var body: [UInt8] = Array(#"{"#.utf8)
        if !flags.isEmpty {
            body.append(contentsOf: Array(#""flags":"#.utf8))
            body.append(contentsOf: out)
            body.append(contentsOf: Array("},".utf8))
        }
        body.append(contentsOf: Array("\"valid\":\(valid)}".utf8))
        return JSONResponse.make(status: .ok, bytes: body)
    }
}
