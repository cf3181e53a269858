// SPDX-License-Identifier: Apache-2.0

import Foundation
import NIOCore
import NIOPosix

/// One HTTP/1.1 response as bytes on the wire: status line, header lines in order, body.
struct RawHTTPResponse: Equatable, CustomStringConvertible {
    var statusLine: String
    var headers: [String]
    var body: [UInt8]

    /// The same response without its `Date` header (which changes every second).
    var withoutDate: RawHTTPResponse {
        var copy = self
        copy.headers.removeAll { $0.lowercased().hasPrefix("date:") }
        return copy
    }

    /// The value of header `name` (case-insensitive).
    func header(_ name: String) -> String? {
        let prefix = name.lowercased() + ":"
        guard let line = headers.first(where: { $0.lowercased().hasPrefix(prefix) }) else { return nil }
        return String(line.dropFirst(prefix.count)).trimmingSpaces
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    var description: String { "\(statusLine) \(headers) \(text)" }

    /// Parses one response at the start of `bytes`; nil while incomplete. Returns it with the bytes it used.
    static func parse(_ bytes: [UInt8]) -> (RawHTTPResponse, Int)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headEnd = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { return nil }
        let lines = String(decoding: bytes[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = lines.first else { return nil }
        let headers = Array(lines.dropFirst())
        var response = RawHTTPResponse(statusLine: statusLine, headers: headers, body: [])
        let length = Int(response.header("Content-Length") ?? "0") ?? 0
        let bodyStart = headEnd + 4
        guard bytes.count >= bodyStart + length else { return nil }
        response.body = Array(bytes[bodyStart..<(bodyStart + length)])
        return (response, bodyStart + length)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

/// What a client saw on one connection.
struct RawExchange: Equatable {
    var responses: [RawHTTPResponse]
    /// Whether the server closed the connection after the last expected response.
    var closedByServer: Bool
}

/// Talks raw HTTP/1.1 over one loopback TCP connection.
enum RawHTTPClient {
    /// One write and how many responses to read after it.
    struct Step {
        var bytes: [UInt8]
        var responses: Int
    }

    /// An HTTP/1.1 request with `Content-Length`.
    static func request(
        _ target: String, method: String = "POST", body: String = "", headers: [String] = []
    ) -> [UInt8] {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for header in headers { text += header + "\r\n" }
        if method == "POST" || !body.isEmpty {
            text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
        }
        text += "\r\n" + body
        return Array(text.utf8)
    }

    /// Runs `steps` on a new connection to `port`; with `readToEnd`, then reads until the server closes.
    static func exchange(
        port: Int, group: any EventLoopGroup, steps: [Step], readToEnd: Bool = false
    ) async throws -> RawExchange {
        let channel = try await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        return try await channel.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            var pending: [UInt8] = []
            var responses: [RawHTTPResponse] = []
            var closed = false
            for step in steps {
                try await outbound.write(ByteBuffer(bytes: step.bytes))
                let target = responses.count + step.responses
                while responses.count < target {
                    if let (response, used) = RawHTTPResponse.parse(pending) {
                        responses.append(response)
                        pending.removeFirst(used)
                        continue
                    }
                    guard let buffer = try await iterator.next() else {
                        closed = true
                        break
                    }
                    pending.append(contentsOf: buffer.readableBytesView)
                }
                if closed { break }
            }
            if readToEnd && !closed {
                while let buffer = try await iterator.next() { pending.append(contentsOf: buffer.readableBytesView) }
                closed = true
            }
            return RawExchange(responses: responses, closedByServer: closed)
        }
    }
}
