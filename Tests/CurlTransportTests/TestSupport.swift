// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Foundation
import Testing

/// Runs `body` with a started server and stops the server afterwards.
func withServer<T>(
    greeting: [UInt8]? = nil,
    handler: @escaping @Sendable (LoopbackServer.Request) -> LoopbackServer.Action,
    _ body: (LoopbackServer) async throws -> T
) async throws -> T {
    let server = try LoopbackServer(greeting: greeting, handler: handler)
    defer { server.stop() }
    return try await body(server)
}

/// Runs `body` with a fresh client and shuts it down afterwards.
func withClient<T>(
    _ configuration: CurlHTTPClient.Configuration = .init(), _ body: (CurlHTTPClient) async throws -> T
) async throws -> T {
    let client = CurlHTTPClient(configuration: configuration)
    do {
        let result = try await body(client)
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw error
    }
}

/// Answers every request with its own raw bytes (head and body) as the response body.
let echoHandler: @Sendable (LoopbackServer.Request) -> LoopbackServer.Action = { request in
    .respond(status: 200, headers: [("Content-Type", "application/octet-stream")], body: request.head + request.body)
}

/// Waits (polling) until `condition` holds; fails the test if it never does within a generous bound.
func eventually(
    _ what: Comment, sourceLocation: SourceLocation = #_sourceLocation, _ condition: () -> Bool
) async throws {
    var attempts = 0
    while !condition() && attempts < 2000 {
        attempts += 1
        try await Task.sleep(for: .milliseconds(5))
    }
    #expect(condition(), what, sourceLocation: sourceLocation)
}

/// The error a send failed with, or `nil` if it succeeded.
func transportError(_ body: () async throws(TransportError) -> HTTPResponse) async -> TransportError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

/// The error a task's send failed with, or `nil` if it succeeded (or failed with another error type).
func transportError(of task: Task<HTTPResponse, any Error>) async -> TransportError? {
    do {
        _ = try await task.value
        return nil
    } catch {
        return error as? TransportError
    }
}

/// Deterministic, non-repeating-looking bytes.
func patternBytes(count: Int, seed: UInt32 = 1) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 1_664_525 &+ 1_013_904_223
        return UInt8(truncatingIfNeeded: state >> 24)
    }
}

/// The header lines of an echoed request head, without the request line and the blank line.
func headerLines(ofEcho body: [UInt8]) -> [String] {
    guard let end = body.firstRange(of: Array("\r\n\r\n".utf8)) else { return [] }
    let text = String(decoding: body[..<end.lowerBound], as: UTF8.self)
    return Array(text.components(separatedBy: "\r\n").dropFirst())
}

/// Blocks the calling (server) thread; for loopback server handlers only, never on the test's task.
func usleepMilliseconds(_ milliseconds: Int) {
    Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
}
