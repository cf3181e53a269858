// SPDX-License-Identifier: Apache-2.0

import EventSpool
import Events
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import NIOCore

/// `POST /v1/data/collector`, as GOFF's relay: parses `{"meta":…,"events":[…]}`, hands the events to
/// the exporters and answers `{"ingestedContentCount":N}`.
///
/// Unlike GOFF the request never waits on Kinesis: it returns once the events are in the exporters'
/// logs. When a log is full the answer is 503 with `Retry-After`, and nothing of the request is kept.
struct CollectorController: Sendable {
    let dispatcher: EventDispatcher
    let maxBodyBytes: Int
    let retryAfterSeconds: Int

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.post("/v1/data/collector") { request, context in
            try await self.collect(request, context: context)
        }
    }

    func collect<Context: RequestContext>(_ request: Request, context: Context) async throws -> Response {
        // Echo (GOFF's framework) binds JSON only for a Content-Type starting with application/json,
        // and answers anything else with this exact message.
        if let contentType = request.headers[.contentType], !contentType.lowercased().hasPrefix("application/json"),
            request.headers[.contentLength] != "0"
        {
            throw RelayHTTPError(
                .badRequest, message: "collectEvalData: invalid input data code=415, message=Unsupported Media Type")
        }
        let buffer = try await request.body.collect(upTo: maxBodyBytes)
        let batch: CollectorBatch
        do {
            batch = try CollectorRequestParser.parse(Array(buffer.readableBytesView))
        } catch {
            throw RelayHTTPError(.badRequest, message: error.message)
        }
        for skipped in batch.skipped {
            context.logger.warning(
                "collector: event skipped",
                metadata: ["goff.index": .stringConvertible(skipped.index), "goff.reason": .string(skipped.reason)])
        }
        do {
            try await dispatcher.dispatch(batch.events)
        } catch {
            var headers = HTTPFields()
            headers[.retryAfter] = String(retryAfterSeconds)
            let status: HTTPResponse.Status = .serviceUnavailable
            context.logger.warning(
                "collector: events refused", metadata: ["goff.reason": .string(error.message)])
            throw RelayHTTPError(status, message: "collectEvalData: \(error.message); retry later", headers: headers)
        }
        Counter(label: "gofeatureflag_collect_eval_data_total").increment(by: batch.receivedCount)
        return JSONResponse.make(status: .ok, bytes: Array("{\"ingestedContentCount\":\(batch.receivedCount)}".utf8))
    }
}
