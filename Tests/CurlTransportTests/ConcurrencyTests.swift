// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Testing

@Suite("Concurrent sends")
struct ConcurrencyTests {
    @Test func twentyConcurrentSendsEachGetTheirOwnResponse() async throws {
        let handler: @Sendable (LoopbackServer.Request) -> LoopbackServer.Action = { request in
            .respond(
                status: 200, headers: [("X-Target", request.target)], body: Array("body of \(request.target)".utf8))
        }
        try await withServer(handler: handler) { server in
            try await withClient { client in
                let results = try await withThrowingTaskGroup(of: (Int, HTTPResponse).self) { group in
                    for index in 0..<20 {
                        group.addTask {
                            let body = Array("request \(index)".utf8)
                            let request = HTTPRequest(
                                method: "POST", url: server.baseURL + "/item/\(index)", body: body)
                            return (index, try await client.send(request))
                        }
                    }
                    var results: [Int: HTTPResponse] = [:]
                    for try await (index, response) in group {
                        results[index] = response
                    }
                    return results
                }
                #expect(results.count == 20)
                for (index, response) in results {
                    #expect(response.status == 200)
                    #expect(response.header("X-Target") == "/item/\(index)")
                    #expect(response.body == Array("body of /item/\(index)".utf8))
                }
            }
            #expect(server.requests.count == 20)
            for request in server.requests {
                #expect(request.target == "/item/" + String(decoding: request.body.dropFirst(8), as: UTF8.self))
            }
            #expect((1...8).contains(server.acceptedConnections))
        }
    }
}
