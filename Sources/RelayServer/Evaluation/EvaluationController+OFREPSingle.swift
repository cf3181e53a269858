// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine
import HTTPTypes
import Metrics

extension EvaluationController {
    /// The route template of OFREP single evaluation (also the `url` label of its request metrics).
    static let ofrepSingleRoute = "/ofrep/v1/evaluate/flags/:flagKey"

    /// A JSON answer before it becomes a response: the status and the body without its trailing newline.
    struct Answer: Sendable, Equatable {
        /// The HTTP status.
        let status: HTTPResponse.Status
        /// The JSON body (``JSONResponse`` appends the newline).
        let body: [UInt8]
    }

    /// An OFREP request's evaluation context, or the answer when it is missing or unreadable.
    enum OFREPContext {
        /// The context's attributes.
        case attributes(JSONObject)
        /// GOFF's 400 `INVALID_CONTEXT` answer.
        case rejected(Answer)
    }

    /// Reads an OFREP body's `context`; `key` is echoed in the error body of single evaluations.
    static func ofrepContext(_ bytes: [UInt8], key: String?) -> OFREPContext {
        let details: String
        switch EvaluationRequest.ofrepContext(bytes) {
        case .success(let object): return .attributes(object)
        case .failure(.missing): details = EvaluationRequest.missingContextMessage
        case .failure(.bind(let message)): details = message
        }
        return .rejected(
            Answer(
                status: .badRequest,
                body: EvaluationEncoding.ofrepError(code: "INVALID_CONTEXT", details: details, key: key)))
    }

    /// Counts one OFREP single evaluation of `key` (`gofeatureflag_flag_evaluations_total`), as GOFF does
    /// before reading the body.
    func countOFREPEvaluation(key: String) {
        evaluationCounters.counter(flagName: key).increment()
    }

    /// `POST /ofrep/v1/evaluate/flags/{key}` once the body is read: evaluates, emits the SERVER event and
    /// answers. Synchronous, so that the router's handler and the event-loop fast path
    /// (``OFREPFastPathHandler``) share it.
    func ofrepSingle(key: String, body bytes: [UInt8]) -> Answer {
        let attributes: JSONObject
        switch Self.ofrepContext(bytes, key: key) {
        case .attributes(let object): attributes = object
        case .rejected(let answer): return answer
        }
        let evaluationContext = EvaluationContext(flat: attributes)
        let result = Self.evaluate(
            routes.source.current(), key: key, context: evaluationContext, defaultValue: Self.ofrepDefaultValue)
        emit(result, key: key, context: evaluationContext, errorValue: .null)
        if result.reason == .error {
            let code = result.errorCode ?? .general
            return Answer(
                status: code == .flagNotFound ? .notFound : .badRequest,
                body: EvaluationEncoding.ofrepError(
                    code: code.rawValue, details: "Error while evaluating the flag: \(key)", key: key))
        }
        var members: [(String, JSONValue)] = [
            ("key", .string(key)), ("value", result.value), ("reason", .string(result.reason.rawValue)),
            ("variant", .string(result.variationType)),
        ]
        var metadata = result.metadata ?? JSONObject()
        if result.cacheable { metadata["gofeatureflag_cacheable"] = .bool(true) }
        if !metadata.isEmpty { members.append(("metadata", .object(metadata))) }
        return Answer(status: .ok, body: EvaluationEncoding.ordered(members))
    }
}
