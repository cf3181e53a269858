// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Testing

@Suite("Cancelling the awaiting task")
struct CancellationTests {
    @Test func cancellingAnInFlightSendAbandonsItsTransfer() async throws {
        try await withServer(handler: { request in request.target == "/stall" ? .stall : .respond(status: 200) }) {
            server in
            try await withClient { client in
                let task = Task { () async throws -> HTTPResponse in
                    try await client.send(HTTPRequest(url: server.baseURL + "/stall", timeout: .seconds(60)))
                }
                try await eventually("the request reaches the server") { server.requests.count == 1 }
                task.cancel()
                let error = await transportError(of: task)
                #expect(error?.code == .cancelled)
                try await eventually("the abandoned connection is closed") { server.connectionsClosedByClient == 1 }
                let response = try await client.send(HTTPRequest(url: server.baseURL + "/after"))
                #expect(response.status == 200)
            }
        }
    }

    @Test func anAlreadyCancelledTaskSendsNothing() async throws {
        try await withServer(handler: echoHandler) { server in
            try await withClient { client in
                let task = Task { () async throws -> HTTPResponse in
                    withUnsafeCurrentTask { $0?.cancel() }
                    return try await client.send(HTTPRequest(url: server.baseURL + "/"))
                }
                let error = await transportError(of: task)
                #expect(error?.code == .cancelled)
                let response = try await client.send(HTTPRequest(url: server.baseURL + "/after"))
                #expect(response.status == 200)
                #expect(server.requests.map(\.target) == ["/after"])
            }
        }
    }

    @Test func cancellationsRacingCompletionsResumeEveryCallerExactlyOnce() async throws {
        try await withServer(handler: { request in .respond(status: 200, body: Array(request.target.utf8)) }) {
            server in
            try await withClient { client in
                let tasks = (0..<60).map { index in
                    Task { () async throws -> HTTPResponse in
                        try await client.send(HTTPRequest(url: server.baseURL + "/r\(index)"))
                    }
                }
                for (index, task) in tasks.enumerated() where index.isMultiple(of: 2) {
                    task.cancel()
                }
                for (index, task) in tasks.enumerated() {
                    do {
                        let response = try await task.value
                        #expect(response.body == Array("/r\(index)".utf8))
                    } catch let error as TransportError {
                        #expect(index.isMultiple(of: 2))
                        #expect(error.code == .cancelled)
                    }
                }
                let response = try await client.send(HTTPRequest(url: server.baseURL + "/after"))
                #expect(response.status == 200)
            }
        }
    }
}
