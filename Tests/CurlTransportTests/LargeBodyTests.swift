// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Testing

@Suite("Large bodies")
struct LargeBodyTests {
    private static let twoMiB = 2 * 1024 * 1024

    @Test func twoMebibyteRequestBodyArrivesExactlyWithoutExpect() async throws {
        let body = patternBytes(count: Self.twoMiB, seed: 7)
        try await withServer(handler: echoHandler) { server in
            try await withClient { client in
                let response = try await client.send(
                    HTTPRequest(method: "POST", url: server.baseURL + "/big", body: body))
                #expect(response.status == 200)
                let received = try #require(server.requests.last)
                #expect(received.body == body)
                #expect(received.header("Content-Length") == "\(Self.twoMiB)")
                #expect(received.header("Expect") == nil)
                #expect(response.body.count == received.head.count + Self.twoMiB)
                #expect(Array(response.body.suffix(Self.twoMiB)) == body)
            }
        }
    }

    @Test func twoMebibyteResponseBodyArrivesExactly() async throws {
        let body = patternBytes(count: Self.twoMiB, seed: 11)
        try await withServer(handler: { _ in .respond(status: 200, body: body) }) { server in
            try await withClient { client in
                for _ in 0..<2 {
                    let response = try await client.send(HTTPRequest(url: server.baseURL + "/big"))
                    #expect(response.header("Content-Length") == "\(Self.twoMiB)")
                    #expect(response.body == body)
                }
            }
            #expect(server.acceptedConnections == 1)
        }
    }
}
