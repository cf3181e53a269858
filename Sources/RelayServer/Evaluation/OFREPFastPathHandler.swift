// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import Metrics
import NIOCore
import NIOHTTPTypes

/// Answers `POST /ofrep/v1/evaluate/flags/{key}` on the connection's event loop, without Hummingbird's
/// streamed body and task hops; every other request goes on to Hummingbird untouched.
///
/// A request is answered here only when every request handed to Hummingbird on this connection has been
/// answered (its response `.end` went by), so responses keep the order of requests. The answer is the one
/// the router would give: API-key check, body limit, ``EvaluationController/ofrepSingle(key:body:)``, then
/// the middlewares' headers (`Content-Type`, `Content-Length`, version, `Date`) and request metrics.
/// Requests with `Connection: close` are left to Hummingbird, which closes the connection after them.
final class OFREPFastPathHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private enum State {
        /// Between requests.
        case idle
        /// Passing a request on to Hummingbird.
        case forwarding
        /// Reading the body of a request answered here.
        case buffering
        /// Dropping the rest of a request already answered here (401, 413).
        case discarding
    }

    private let fastPath: OFREPFastPath
    private var state = State.idle
    /// Requests handed to Hummingbird whose response has not ended yet.
    private var unanswered = 0
    private var needsFlush = false
    private var key = ""
    private var body: [UInt8] = []
    private var started = ContinuousClock.now
    private var date = HTTPDate()

    init(fastPath: OFREPFastPath) {
        self.fastPath = fastPath
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            guard case .idle = state, unanswered == 0, let key = OFREPFastPath.flagKey(of: head) else {
                if case .idle = state {
                    unanswered += 1
                    state = .forwarding
                }
                context.fireChannelRead(data)
                return
            }
            started = ContinuousClock.now
            let path = head.path ?? ""
            if let error = APIKeyCheck.rejection(path: path, fields: head.headerFields, store: fastPath.keys) {
                respond(context: context, error: error)
                state = .discarding
                return
            }
            fastPath.controller.countOFREPEvaluation(key: key)
            self.key = key
            body.removeAll(keepingCapacity: true)
            state = .buffering
        case .body(let buffer):
            switch state {
            case .buffering:
                guard body.count + buffer.readableBytes <= fastPath.maxBodyBytes else {
                    body = []
                    respond(context: context, error: .bodyTooLarge)
                    state = .discarding
                    return
                }
                body.append(contentsOf: buffer.readableBytesView)
            case .discarding:
                break
            case .idle, .forwarding:
                context.fireChannelRead(data)
            }
        case .end:
            switch state {
            case .buffering:
                state = .idle
                let answer = fastPath.controller.ofrepSingle(key: key, body: body)
                respond(context: context, status: answer.status, body: JSONResponse.body(answer.body))
            case .discarding:
                state = .idle
            case .idle, .forwarding:
                state = .idle
                context.fireChannelRead(data)
            }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), unanswered > 0 {
            unanswered -= 1
        }
        context.write(data, promise: promise)
    }

    private func respond(context: ChannelHandlerContext, error: RelayHTTPError) {
        respond(
            context: context, status: error.status,
            body: JSONResponse.body(JSONResponse.objectBytes(["message": error.message])), headers: error.headers)
    }

    /// Writes the response the router and its middlewares would write, and records its metrics.
    private func respond(
        context: ChannelHandlerContext, status: HTTPResponse.Status, body: ByteBuffer, headers: HTTPFields = [:]
    ) {
        var response = JSONResponse.make(status: status, body: body, headers: headers)
        let metrics = fastPath.metrics.handles(code: status.code, method: "POST", url: fastPath.url)
        metrics.requests.increment()
        let (seconds, attoseconds) = (ContinuousClock.now - started).components
        metrics.duration.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        if let version = fastPath.versionHeader { response.headers[.goffVersion] = version }
        response.headers[.date] = date.current()
        context.write(wrapOutboundOut(.head(response.head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.write(wrapOutboundOut(.end(nil)), promise: nil)
        needsFlush = true
    }
}
