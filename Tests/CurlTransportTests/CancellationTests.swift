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
}
