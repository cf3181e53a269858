// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Synchronization
import Testing

@Suite("Keep-alive and connection limits")
struct ConnectionReuseTests {
    @Test func fiftySequentialRequestsShareOneConnection() async throws {
        try await withServer(handler: { request in .respond(status: 200, body: Array(request.target.utf8)) }) {
            server in
            try await withClient { client in
                for index in 0..<50 {
                    let method = index.isMultiple(of: 2) ? "GET" : "POST"
                    let response = try await client.send(
                        HTTPRequest(
                            method: method, url: server.baseURL + "/r\(index)", body: method == "POST" ? [1] : []))
                    #expect(response.body == Array("/r\(index)".utf8))
                }
            }
            #expect(server.acceptedConnections == 1)
            #expect(server.requests.count == 50)
            #expect(Set(server.requests.map(\.connection)) == [1])
        }
    }

    @Test func keepAliveOffOpensOneConnectionPerRequest() async throws {
        try await withServer(handler: { _ in .respond(status: 204) }) { server in
            try await withClient(.init(keepAlive: false)) { client in
                for _ in 0..<3 {
                    let response = try await client.send(HTTPRequest(url: server.baseURL + "/"))
                    #expect(response.status == 204)
                }
            }
            #expect(server.acceptedConnections == 3)
        }
    }

    @Test func connectionsPerHostAreCapped() async throws {
        // Each handler waits until two requests are in progress at once, which needs two connections;
        // the cap of 2 must then keep all twelve requests on those two.
        let inProgress = Mutex(0)
        let handler: @Sendable (LoopbackServer.Request) -> LoopbackServer.Action = { request in
            inProgress.withLock { $0 += 1 }
            var waited = 0
            while inProgress.withLock({ $0 }) < 2 && waited < 5000 {
                usleepMilliseconds(1)
                waited += 1
            }
            return .respond(status: 200, body: Array(request.target.utf8))
        }
        try await withServer(handler: handler) { server in
            try await withClient(.init(maxConnectionsPerHost: 2)) { client in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<12 {
                        group.addTask {
                            let response = try await client.send(HTTPRequest(url: server.baseURL + "/c\(index)"))
                            #expect(response.body == Array("/c\(index)".utf8))
                        }
                    }
                    try await group.waitForAll()
                }
            }
            #expect(server.acceptedConnections == 2)
        }
    }
}
