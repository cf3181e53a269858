// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Testing

@testable import FlagRetrieval

@Suite("HTTP retriever redirects")
struct HTTPRedirectTests {
    @Test("302 turns a POST into a GET without body; 307 keeps method and body")
    func methodRules() async throws {
        let server = try FlagServer { request in
            switch request.target {
            case "/found": .init(status: 302, headers: [("Location", "/final")])
            case "/temporary": .init(status: 307, headers: [("Location", "/final")])
            default: .init(status: 200, body: "\(request.method) \(text(request.body))")
            }
        }
        defer { server.stop() }
        let client = CurlHTTPClient()
        let found = HTTPRetriever(url: server.baseURL + "/found", method: "POST", body: "b", transport: client)
        let temporary = HTTPRetriever(
            url: server.baseURL + "/temporary", method: "POST", body: "b", transport: client)
        let foundBody = try await found.retrieve()
        let temporaryBody = try await temporary.retrieve()
        await client.shutdown()
        #expect(text(foundBody) == "GET ")
        #expect(text(temporaryBody) == "POST b")
    }

    @Test("the request keeps its headers on the same host; the 10th redirect fails")
    func limits() async throws {
        let server = try FlagServer { request in
            let hop = Int(request.target.dropFirst()) ?? 0
            return .init(status: 301, headers: [("Location", "/\(hop + 1)")])
        }
        defer { server.stop() }
        let client = CurlHTTPClient()
        let retriever = HTTPRetriever(
            url: server.baseURL + "/0", headers: ["Authorization": ["Bearer t"]], transport: client)
        let error = await retrievalError { try await retriever.retrieve() }
        await client.shutdown()
        #expect(error?.message == "Get \"\(server.baseURL)/10\": stopped after 10 redirects")
        #expect(server.requests.count == 10)
        #expect(server.requests.allSatisfy { $0.values("Authorization") == ["Bearer t"] })
    }

    @Test("credential headers are dropped when the redirect leaves the host")
    func crossHost() {
        let request = HTTPRequest(
            method: "GET", url: "http://flags.example/a",
            headers: [.init(name: "Authorization", value: "x"), .init(name: "X-Keep", value: "y")])
        let response = HTTPResponse(status: 302, headers: [.init(name: "Location", value: "http://other.example/b")])
        let next = HTTPRetriever.redirect(after: response, of: request)
        #expect(next?.url == "http://other.example/b")
        #expect(next?.headers == [.init(name: "X-Keep", value: "y")])
        let sub = HTTPResponse(status: 302, headers: [.init(name: "Location", value: "http://cdn.flags.example/b")])
        #expect(HTTPRetriever.redirect(after: sub, of: request)?.headers.count == 2)
    }
}
