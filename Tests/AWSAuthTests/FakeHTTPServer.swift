// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import Synchronization

/// A tiny blocking HTTP/1.1 server on 127.0.0.1 for credential-service fakes (IMDS, ECS, STS): one
/// thread accepts, one thread per connection reads one request (Content-Length body), asks `handler`
/// for the answer, writes it with `Connection: close`, and closes.
final class FakeHTTPServer: Sendable {
    /// One request as received.
    struct Request: Sendable {
        let method: String
        let target: String
        let headers: [(name: String, value: String)]
        let body: [UInt8]

        /// The first value of a header, compared case-insensitively.
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The body as text.
        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as `application/x-www-form-urlencoded` fields (percent-decoded, `+` as space).
        var form: [String: String] {
            var fields: [String: String] = [:]
            for pair in text.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let decode = { (text: Substring) in
                    text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
                }
                fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
            }
            return fields
        }
    }

    /// An answer.
    struct Response: Sendable {
        var status: Int
        var headers: [(String, String)] = []
        var body: [UInt8] = []

        static func text(_ status: Int, _ text: String, headers: [(String, String)] = []) -> Response {
            Response(status: status, headers: headers, body: Array(text.utf8))
        }

        static func json(_ status: Int, _ text: String) -> Response {
            .text(status, text, headers: [("Content-Type", "application/json")])
        }

        static func xml(_ status: Int, _ text: String) -> Response {
            .text(status, text, headers: [("Content-Type", "text/xml")])
        }
    }

    let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (Request) -> Response
    private let state = Mutex<(requests: [Request], open: Set<Int32>, stopped: Bool)>(([], [], false))

    /// Starts listening on an ephemeral port of 127.0.0.1.
    init(handler: @escaping @Sendable (Request) -> Response) throws {
        (listener, port) = try SocketIO.listen()
        self.handler = handler
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Requests read so far, in arrival order.
    var requests: [Request] { state.withLock { $0.requests } }

    /// Stops accepting and unblocks connection threads.
    func stop() {
        let open = state.withLock { state in
            state.stopped = true
            return state.open
        }
        _ = Glibc.shutdown(listener, Int32(SHUT_RDWR))
        for fd in open {
            _ = Glibc.shutdown(fd, Int32(SHUT_RDWR))
        }
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else {
                if errno == EINTR { continue }
                return
            }
            let admitted = state.withLock { state in
                if !state.stopped { state.open.insert(fd) }
                return !state.stopped
            }
            guard admitted else {
                close(fd)
                return
            }
            Thread.detachNewThread { [self] in serve(fd) }
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            state.withLock { _ = $0.open.remove(fd) }
            close(fd)
        }
        guard let (head, body) = SocketIO.readMessage(fd, bodyUntilEOF: false) else { return }
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ").map(String.init)
        guard requestLine.count == 3 else { return }
        let request = Request(
            method: requestLine[0], target: requestLine[1], headers: SocketIO.headers(lines.dropFirst()), body: body)
        state.withLock { $0.requests.append(request) }
        let response = handler(request)
        var text = "HTTP/1.1 \(response.status) Status\r\n"
        for (name, value) in response.headers {
            text += "\(name): \(value)\r\n"
        }
        text += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        SocketIO.write(fd, Array(text.utf8) + response.body)
    }
}

/// Runs `body` with a started server and stops it afterwards.
func withFakeServer<T>(
    _ handler: @escaping @Sendable (FakeHTTPServer.Request) -> FakeHTTPServer.Response,
    _ body: (FakeHTTPServer) async throws -> T
) async throws -> T {
    let server = try FakeHTTPServer(handler: handler)
    defer { server.stop() }
    return try await body(server)
}
