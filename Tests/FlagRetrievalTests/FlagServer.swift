// SPDX-License-Identifier: Apache-2.0

import Foundation
import Glibc
import Synchronization

/// A minimal HTTP/1.1 server on 127.0.0.1 for the HTTP retriever tests: one request per connection
/// (always answered with `Connection: close`), `Content-Length` bodies only, requests recorded.
final class FlagServer: Sendable {
    /// One request as received.
    struct Request: Sendable {
        let method: String
        let target: String
        let headers: [(name: String, value: String)]
        let body: [UInt8]

        /// Every value of a header, compared case-insensitively, in order.
        func values(_ name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        }
    }

    /// What to answer.
    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)] = []
        var body: String = ""
    }

    let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    private let received = Mutex<[Request]>([])

    /// Starts listening on an ephemeral port of 127.0.0.1.
    init(handler: @escaping @Sendable (Request) -> Reply) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FlagServerError.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && Glibc.listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ready else {
            close(fd)
            throw FlagServerError.socket(errno)
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        self.handler = handler
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The requests answered so far.
    var requests: [Request] { received.withLock { $0 } }

    /// Stops accepting connections.
    func stop() {
        _ = shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        guard let request = Self.read(fd) else { return }
        received.withLock { $0.append(request) }
        let reply = handler(request)
        var head = "HTTP/1.1 \(reply.status) Reply\r\n"
        for (name, value) in reply.headers {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(reply.body.utf8.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array((head + reply.body).utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// Reads the head, then `Content-Length` bytes of body.
    private static func read(_ fd: Int32) -> Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        func fill() -> Bool {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
        let separator = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.firstRange(of: separator)?.upperBound
            if headEnd == nil, !fill() { return nil }
        }
        guard let headEnd else { return nil }
        let lines = String(decoding: buffer[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ").map(String.init)
        guard requestLine.count == 3 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((String(line[..<colon]), value))
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        while buffer.count < headEnd + length {
            guard fill() else { return nil }
        }
        return Request(
            method: requestLine[0], target: requestLine[1], headers: headers,
            body: Array(buffer[headEnd..<(headEnd + length)]))
    }
}

enum FlagServerError: Error {
    case socket(Int32)
}
