// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Testing

@testable import FlagRetrieval

/// Runs `body` with a server and a curl client, stopping both afterwards.
private func withServer(
    _ handler: @escaping @Sendable (FlagServer.Request) -> FlagServer.Reply,
    _ body: (FlagServer, CurlHTTPClient) async throws -> Void
) async throws {
    let server = try FlagServer(handler: handler)
    let client = CurlHTTPClient(configuration: .init(userAgent: nil))
    defer { server.stop() }
    do {
        try await body(server, client)
        await client.shutdown()
    } catch {
        await client.shutdown()
        throw error
    }
}

@Suite("HTTP retriever")
struct HTTPRetrieverTests {
    @Test("GET by default, no body, the response body returned as is")
    func defaultGet() async throws {
        try await withServer({ _ in .init(status: 200, body: "a:\n  version: x\n") }) { server, client in
            let retriever = HTTPRetriever(url: server.baseURL + "/flags.yaml", transport: client)
            #expect(text(try await retriever.retrieve()) == "a:\n  version: x\n")
            let request = try #require(server.requests.first)
            #expect(request.method == "GET")
            #expect(request.target == "/flags.yaml")
            #expect(request.body.isEmpty)
            #expect(retriever.timeout == .seconds(10))
        }
    }

    @Test("method, body and the configured header set are sent")
    func methodBodyHeaders() async throws {
        try await withServer({ _ in .init(status: 201, body: "{}") }) { server, client in
            let retriever = HTTPRetriever(
                url: server.baseURL + "/config", method: "POST", body: #"{"env":"prod"}"#,
                headers: ["Authorization": ["Bearer s3cret"], "X-Multi": ["one", "two"], "Content-Type": ["text/x"]],
                timeout: .seconds(5), transport: client)
            #expect(text(try await retriever.retrieve()) == "{}")
            let request = try #require(server.requests.first)
            #expect(request.method == "POST")
            #expect(text(request.body) == #"{"env":"prod"}"#)
            #expect(request.values("Authorization") == ["Bearer s3cret"])
            #expect(request.values("X-Multi") == ["one", "two"])
            #expect(request.values("Content-Type") == ["text/x"])
            #expect(request.values("User-Agent").isEmpty)
        }
    }

    @Test("an empty method means GET; a non-positive timeout means 10 s")
    func defaults() {
        let retriever = HTTPRetriever(
            url: "http://127.0.0.1:1/", method: "", timeout: .zero, transport: CurlHTTPClient())
        #expect(retriever.method == "GET")
        #expect(retriever.timeout == .seconds(10))
    }

    @Test("a status above 399 fails with GOFF's message; 399 and below do not", arguments: [400, 404, 500, 503])
    func statusErrors(status: Int) async throws {
        try await withServer({ _ in .init(status: status, body: "nope") }) { server, client in
            let url = server.baseURL + "/flags"
            let error = await retrievalError { try await HTTPRetriever(url: url, transport: client).retrieve() }
            #expect(error?.code == .httpStatus)
            #expect(error?.message == "request to \(url) failed with code \(status)")
        }
    }

    @Test("a 2xx or a 3xx without Location returns the body")
    func successStatuses() async throws {
        for status in [200, 204, 304] {
            let body = status == 200 ? "a:\n" : ""
            try await withServer({ _ in .init(status: status, body: body) }) { server, client in
                let bytes = try await HTTPRetriever(url: server.baseURL, transport: client).retrieve()
                #expect(text(bytes) == body)
            }
        }
    }

    @Test("credentials in the URL never reach the error message")
    func redactsPassword() async throws {
        try await withServer({ _ in .init(status: 401) }) { server, client in
            let url = "http://user:hunter2@127.0.0.1:\(server.port)/flags"
            let error = await retrievalError { try await HTTPRetriever(url: url, transport: client).retrieve() }
            #expect(error?.message == "request to http://user:***@127.0.0.1:\(server.port)/flags failed with code 401")
        }
    }

    @Test("no server: a transport error naming the method and URL as Go does")
    func connectionRefused() async throws {
        let server = try FlagServer { _ in .init(status: 200) }
        let url = server.baseURL + "/gone"
        server.stop()
        let client = CurlHTTPClient()
        let error = await retrievalError { try await HTTPRetriever(url: url, transport: client).retrieve() }
        await client.shutdown()
        #expect(error?.code == .transport)
        #expect(error?.message.hasPrefix("Get \"\(url)\": ") == true)
    }

    @Test("an empty URL is refused before sending")
    func emptyURL() async {
        let error = await retrievalError { try await HTTPRetriever(url: "", transport: CurlHTTPClient()).retrieve() }
        #expect(error?.code == .invalidRequest)
    }
}
