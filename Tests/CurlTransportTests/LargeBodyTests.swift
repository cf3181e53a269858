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
                #expect(sameBytes(received.body, body), "\(describeDifference(received.body, body))")
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
                    #expect(sameBytes(response.body, body), "\(describeDifference(response.body, body))")
                }
            }
            #expect(server.acceptedConnections == 1)
        }
    }
}

/// Byte equality as a plain Bool: a failed `#expect(a == b)` on megabyte arrays makes Swift Testing
/// compute a collection difference that takes minutes.
func sameBytes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool { lhs == rhs }

/// Lengths and the first differing offset, for a failure message.
func describeDifference(_ received: [UInt8], _ expected: [UInt8]) -> String {
    let common = min(received.count, expected.count)
    let first = (0..<common).first { received[$0] != expected[$0] }
    return "received \(received.count) bytes, expected \(expected.count); first difference at "
        + (first.map(String.init) ?? (received.count == expected.count ? "none" : "offset \(common)"))
}
