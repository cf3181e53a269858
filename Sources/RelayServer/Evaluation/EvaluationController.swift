// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine
import FlagRetrieval
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import NIOCore

/// GOFF's evaluation routes: OFREP single and bulk, the legacy `/v1/feature/{key}/eval` and `/v1/allflags`,
/// `/v1/flag/configuration` and `/v1/flag/change` for in-process providers, and the admin refresh.
struct EvaluationController: Sendable {
    /// The SDK default GOFF's OFREP handler evaluates with (seen as the value of a disabled flag).
    static let ofrepDefaultValue = JSONValue.string("thisisadefaultvaluethatItest1233%%")

    let routes: EvaluationRoutes
    /// Where the `source:"SERVER"` events of single evaluations go.
    let events: EvaluationEventBuffer
    let maxBodyBytes: Int
    /// The `gofeatureflag_flag_evaluations_total` counters of the flag keys seen so far.
    let evaluationCounters = FlagEvaluationCounters()

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.post(RouterPath(Self.ofrepSingleRoute)) { request, context in
            try await self.ofrepSingle(request, context: context)
        }
        router.post("/ofrep/v1/evaluate/flags") { request, context in
            try await self.ofrepBulk(request, context: context)
        }
        router.post("/v1/feature/:flagKey/eval") { request, context in
            try await self.legacySingle(request, context: context)
        }
        router.post("/v1/allflags") { request, context in
            try await self.legacyAll(request, context: context)
        }
        router.post("/v1/flag/configuration") { request, context in
            try await self.configuration(request, context: context)
        }
        router.get("/v1/flag/change") { request, _ in
            self.change(request)
        }
        router.post("/admin/v1/retriever/refresh") { _, _ in
            let refreshed = await self.routes.refresh?() ?? false
            Counter(label: "gofeatureflag_force_refresh").increment()
            return JSONResponse.make(status: .ok, bytes: Array("{\"refreshed\":\(refreshed)}".utf8))
        }
    }

    /// Evaluates `key` in `view`, GOFF's way for an unknown flag (ERROR / FLAG_NOT_FOUND, tracked).
    static func evaluate(
        _ view: FlagSource.View, key: String, context: EvaluationContext, defaultValue: JSONValue
    ) -> EvaluationResult {
        guard let flag = view.flags[key] else { return .flagNotFound(defaultValue: defaultValue) }
        let now = Timestamp(secondsSince1970: Date().timeIntervalSince1970)
        return view.evaluator.evaluate(
            flagKey: key, flag: flag, context: context, defaultValue: defaultValue, now: now)
    }

    func body<Context: RequestContext>(_ request: Request, context: Context) async throws -> [UInt8] {
        let buffer = try await request.body.collect(upTo: maxBodyBytes)
        return Array(buffer.readableBytesView)
    }

    /// Reads the OFREP body's `context`; `key` is echoed in the error body of single evaluations.
    func ofrepContext<Context: RequestContext>(
        _ request: Request, context: Context, key: String?
    ) async throws -> OFREPContext {
        Self.ofrepContext(try await body(request, context: context), key: key)
    }

    func ofrepSingle<Context: RequestContext>(_ request: Request, context: Context) async throws -> Response {
        let key = context.parameters.get("flagKey") ?? ""
        countOFREPEvaluation(key: key)
        let answer = ofrepSingle(key: key, body: try await body(request, context: context))
        return JSONResponse.make(status: answer.status, bytes: answer.body)
    }

    func ofrepBulk<Context: RequestContext>(_ request: Request, context: Context) async throws -> Response {
        Counter(label: "gofeatureflag_all_flag_evaluations_total").increment()
        let attributes: JSONObject
        switch try await ofrepContext(request, context: context, key: nil) {
        case .attributes(let object): attributes = object
        case .rejected(let answer): return JSONResponse.make(status: answer.status, bytes: answer.body)
        }
        let view = routes.source.current()
        let evaluationContext = EvaluationContext(flat: attributes)
        var keys = view.flags.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if let wanted = EvaluationRequest.flagList(in: attributes) {
            let set = Set(wanted)
            keys = keys.filter { set.contains($0) }
        }
        var out: [UInt8] = Array(#"{"flags":["#.utf8)
        for (index, key) in keys.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            let result = Self.evaluate(view, key: key, context: evaluationContext, defaultValue: .null)
            let disabled = result.reason == .disabled
            var members: [(String, JSONValue)] = [
                ("key", .string(key)), ("value", result.reason == .error || disabled ? .null : result.value),
                ("reason", .string(result.reason.rawValue)), ("variant", .string(disabled ? "" : result.variationType)),
            ]
            if let metadata = result.metadata, !metadata.isEmpty { members.append(("metadata", .object(metadata))) }
            if let code = result.errorCode {
                members.append(("errorCode", .string(code.rawValue)))
                if let details = result.errorDetails, !details.isEmpty {
                    members.append(("errorDetails", .string(details)))
                }
            }
            EvaluationEncoding.appendOrdered(members, to: &out)
        }
        out.append(contentsOf: Array("]}".utf8))
        return Self.conditional(request, body: out, etag: FlagSnapshot.etag(forBody: out))
    }

    /// A 200 with `body` and `ETag`, or a 304 when `If-None-Match` names that ETag (also as `W/`).
    static func conditional(
        _ request: Request, body: [UInt8], etag: String, extraHeaders: HTTPFields = [:]
    ) -> Response {
        var headers = extraHeaders
        headers[.eTag] = etag
        if let match = request.headers[.ifNoneMatch], match == etag || match == "W/" + etag {
            return Response(status: .notModified, headers: headers)
        }
        return JSONResponse.make(status: .ok, bytes: body, headers: headers)
    }
}
