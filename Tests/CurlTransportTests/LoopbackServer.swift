// SPDX-License-Identifier: Apache-2.0

import Foundation
import Glibc
import Synchronization

/// A tiny blocking HTTP/1.1 server on 127.0.0.1 for tests: one thread accepts, one thread per
/// connection reads requests (Content-Length bodies only) and asks `handler` what to do.
final class LoopbackServer: Sendable {
    /// What the server does with a request it has read completely.
    enum Action: Sendable {
        /// Answers with this status, extra headers and body; `Content-Length` is added. Keeps the
        /// connection open unless `close` is set (then it also sends `Connection: close`).
        case respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], close: Bool = false)
        /// Writes these bytes verbatim and keeps the connection open.
        case raw([UInt8])
        /// Never answers; waits until the client closes the connection.
        case stall
        /// Closes the connection with a TCP reset.
        case reset
        /// Closes the connection without answering.
        case close
    }

    /// One request as received.
    struct Request: Sendable {
        let method: String
        let target: String
        let headers: [(name: String, value: String)]
        /// The request line and header block, with the final blank line, exactly as received.
        let head: [UInt8]
        let body: [UInt8]
        let connection: Int

        /// The first value of a header, compared case-insensitively.
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    private struct Stats {
        var accepted = 0
        var closedByClient = 0
        var requests: [Request] = []
        var openConnections: Set<Int32> = []
        var stopped = false
    }

    let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (Request) -> Action
    private let greeting: [UInt8]?
    private let stats = Mutex(Stats())

    /// Starts listening on an ephemeral port of 127.0.0.1.
    /// - Parameters:
    ///   - greeting: If set, written on every new connection before anything is read, which is then closed.
    ///   - handler: Decides the action for each request; runs on the connection's thread.
    init(greeting: [UInt8]? = nil, handler: @escaping @Sendable (Request) -> Action) throws {
        let (listener, port) = try Self.listen()
        self.listener = listener
        self.port = port
        self.handler = handler
        self.greeting = greeting
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Connections accepted so far.
    var acceptedConnections: Int { stats.withLock { $0.accepted } }
    /// Connections the client closed (EOF or error seen while reading or stalling).
    var connectionsClosedByClient: Int { stats.withLock { $0.closedByClient } }
    /// Requests read completely so far.
    var requests: [Request] { stats.withLock { $0.requests } }

    /// Stops accepting and unblocks every connection thread.
    func stop() {
        let fds: [Int32] = stats.withLock { stats in
            stats.stopped = true
            return Array(stats.openConnections)
        }
        _ = Glibc.shutdown(listener, Int32(SHUT_RDWR))
        for fd in fds {
            _ = Glibc.shutdown(fd, Int32(SHUT_RDWR))
        }
    }

    private func acceptLoop() {
        defer { close(listener) }
        var number = 0
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else {
                if errno == EINTR { continue }
                return
            }
            number += 1
            let connection = number
            let admitted = stats.withLock { stats in
                stats.accepted += 1
                if !stats.stopped { stats.openConnections.insert(fd) }
                return !stats.stopped
            }
            guard admitted else {
                close(fd)
                return
            }
            Thread.detachNewThread { [self] in serve(fd: fd, connection: connection) }
        }
    }

    private func serve(fd: Int32, connection: Int) {
        var closeWithReset = false
        defer {
            stats.withLock { _ = $0.openConnections.remove(fd) }
            if closeWithReset {
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            }
            close(fd)
        }
        if let greeting {
            Self.write(fd, greeting)
            return
        }
        var buffer: [UInt8] = []
        while true {
            guard let request = Self.readRequest(fd, &buffer, connection: connection) else {
                stats.withLock { $0.closedByClient += 1 }
                return
            }
            stats.withLock { $0.requests.append(request) }
            switch handler(request) {
            case .respond(let status, let headers, let body, let close):
                Self.write(fd, Self.response(status: status, headers: headers, body: body, close: close))
                if close { return }
            case .raw(let bytes):
                Self.write(fd, bytes)
            case .stall:
                var scratch = [UInt8](repeating: 0, count: 4096)
                while recv(fd, &scratch, scratch.count, 0) > 0 {}
                stats.withLock { $0.closedByClient += 1 }
                return
            case .reset:
                closeWithReset = true
                return
            case .close:
                return
            }
        }
    }
}
