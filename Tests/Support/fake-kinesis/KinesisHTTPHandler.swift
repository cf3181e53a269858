// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One connection's HTTP/1.1 handler: collects each request (bounded), asks the service, and
/// answers, after the injected delay, or resets the connection.
///
/// Runs behind `HTTPServerPipelineHandler`, so pipelined requests are answered one at a time, in order.
final class KinesisHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let service: KinesisService
    private let server: FakeKinesisServer
    private let maxBodyBytes: Int
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()
    private var bodyTooLarge = false

    /// Creates a handler for one connection.
    init(service: KinesisService, server: FakeKinesisServer) {
        self.service = service
        self.server = server
        self.maxBodyBytes = service.configuration.maxBodyBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            let length = requestHead.headers.first(name: "content-length").flatMap { Int($0) } ?? 0
            bodyTooLarge = length > maxBodyBytes
            body = context.channel.allocator.buffer(capacity: bodyTooLarge ? 0 : length)
            let expectsContinue = requestHead.headers["expect"].contains { $0.lowercased() == "100-continue" }
            if expectsContinue, !bodyTooLarge {
                let interim = HTTPResponseHead(version: requestHead.version, status: .continue)
                context.writeAndFlush(wrapOutboundOut(.head(interim)), promise: nil)
            }
        case .body(var chunk):
            guard !bodyTooLarge else { return }
            if body.readableBytes + chunk.readableBytes > maxBodyBytes {
                bodyTooLarge = true
                body = ByteBuffer()
            } else {
                body.writeBuffer(&chunk)
            }
        case .end:
            guard let requestHead = head else { return }
            head = nil
            let request = FakeRequest(head: requestHead, body: body, bodyTooLarge: bodyTooLarge)
            body = ByteBuffer()
            let outcome = service.handle(request)
            if outcome.delayMs > 0 {
                context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(outcome.delayMs))) {
                    self.finish(outcome, request: requestHead, context: context)
                }
            } else {
                finish(outcome, request: requestHead, context: context)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func finish(_ outcome: FakeOutcome, request: HTTPRequestHead, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        guard let response = outcome.response else {
            reset(context)
            return
        }
        guard let seconds = outcome.refuseForSeconds else {
            write(response, request: request, context: context)
            return
        }
        // Stop listening first, so that a client reading this answer can already see ECONNREFUSED.
        server.refuse(forSeconds: seconds, except: context.channel)
            .hop(to: context.eventLoop).assumeIsolated()
            .whenComplete { _ in self.write(response, request: request, context: context) }
    }

    private func write(_ response: FakeResponse, request: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = HTTPHeaders(response.headers)
        headers.add(name: "Content-Length", value: String(response.body.count))
        let close = !request.isKeepAlive || headers["connection"].contains { $0.lowercased() == "close" }
        if close, !headers.contains(name: "connection") {
            headers.add(name: "Connection", value: "close")
        } else if !close, request.version.minor == 0 {
            headers.add(name: "Connection", value: "keep-alive")
        }
        let responseHead = HTTPResponseHead(version: request.version, status: response.status, headers: headers)
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        if !response.body.isEmpty {
            let buffer = context.channel.allocator.buffer(bytes: response.body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if close {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    /// Closes with `SO_LINGER` 0, so the peer gets a TCP RST (`ECONNRESET`), not a clean FIN.
    private func reset(_ context: ChannelHandlerContext) {
        if let provider = context.channel as? any SocketOptionProvider {
            _ = provider.setSoLinger(linger(l_onoff: 1, l_linger: 0))
        }
        context.close(promise: nil)
    }
}
