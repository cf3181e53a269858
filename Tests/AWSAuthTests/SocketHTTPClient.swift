// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation

/// The test implementation of the ``CredentialHTTPClient`` seam: HTTP/1.1 over a plain socket to
/// `http://127.0.0.1:<port>` only, one connection per request (`Connection: close`), on its own thread.
struct SocketHTTPClient: CredentialHTTPClient {
    func send(
        method: String, url: String, headers: [(String, String)], body: [UInt8], timeout: Duration
    ) async throws -> (status: Int, headers: [(String, String)], body: [UInt8]) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        try Self.exchange(method: method, url: url, headers: headers, body: body, timeout: timeout)
                    })
            }
        }
    }

    private static func exchange(
        method: String, url: String, headers: [(String, String)], body: [UInt8], timeout: Duration
    ) throws -> (status: Int, headers: [(String, String)], body: [UInt8]) {
        let prefix = "http://127.0.0.1:"
        guard url.hasPrefix(prefix) else { throw SocketError(description: "not a loopback URL: \(url)") }
        let rest = url.dropFirst(prefix.count)
        let pathStart = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let port = UInt16(rest[..<pathStart]) else { throw SocketError(description: "bad port in \(url)") }
        let path = pathStart == rest.endIndex ? "/" : String(rest[pathStart...])
        let fd = try SocketIO.connect(port: port, timeout: timeout)
        defer { close(fd) }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n\r\n"
        guard SocketIO.write(fd, Array(head.utf8) + body) else { throw SocketError(description: "send failed") }
        guard let (responseHead, responseBody) = SocketIO.readMessage(fd, bodyUntilEOF: true) else {
            throw SocketError(description: "no response from \(url)")
        }
        let lines = responseHead.components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw SocketError(description: "bad status line from \(url)")
        }
        return (status, SocketIO.headers(lines.dropFirst()).map { ($0.name, $0.value) }, responseBody)
    }
}
