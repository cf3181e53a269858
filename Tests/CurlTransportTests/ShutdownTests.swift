// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Testing

@Suite("Shutdown and release")
struct ShutdownTests {
    @Test func shutdownFailsPendingRequestsAndClosesTheirConnections() async throws {
        try await withServer(handler: { _ in .stall }) { server in
            let client = CurlHTTPClient(configuration: .init(maxConnectionsPerHost: 2))
            let tasks = (0..<5).map { index in
                Task { () async throws -> HTTPResponse in
                    try await client.send(HTTPRequest(url: server.baseURL + "/p\(index)", timeout: .seconds(60)))
                }
            }
            // Two are on the wire (the per-host cap), three wait inside libcurl.
            try await eventually("two requests reach the server") { server.requests.count == 2 }
            await client.shutdown()
            for task in tasks {
                let error = await transportError(of: task)
                #expect(error?.code == .shutdown)
            }
            try await eventually("both connections are closed") { server.connectionsClosedByClient == 2 }
            #expect(server.requests.count == 2)
        }
    }

    @Test func sendAfterShutdownFailsAndShutdownIsIdempotent() async throws {
        let client = CurlHTTPClient()
        await client.shutdown()
        await client.shutdown()
        let error = await transportError { () async throws(TransportError) in
            try await client.send(HTTPRequest(url: "http://127.0.0.1:1/"))
        }
        #expect(error?.code == .shutdown)
    }

    @Test func releasingTheClientWithoutShutdownClosesItsConnections() async throws {
        try await withServer(handler: { _ in .respond(status: 200) }) { server in
            var client: CurlHTTPClient? = CurlHTTPClient()
            let response = try await client?.send(HTTPRequest(url: server.baseURL + "/"))
            #expect(response?.status == 200)
            #expect(server.connectionsClosedByClient == 0)
            client = nil
            try await eventually("the kept-alive connection is closed after deinit") {
                server.connectionsClosedByClient == 1
            }
            #expect(client == nil)
        }
    }

    @Test func manyClientsCanBeCreatedAndDropped() async throws {
        try await withServer(handler: { _ in .respond(status: 200) }) { server in
            for _ in 0..<20 {
                let client = CurlHTTPClient()
                let response = try await client.send(HTTPRequest(url: server.baseURL + "/"))
                #expect(response.status == 200)
            }
            try await eventually("every client's connection is closed") { server.connectionsClosedByClient == 20 }
        }
    }
}
