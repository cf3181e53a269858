// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Testing

@Suite("Response status, headers and body")
struct ResponseParsingTests {
    private func fetch(raw: String, body: [UInt8] = []) async throws -> HTTPResponse {
        try await withServer(handler: { _ in .raw(Array(raw.utf8) + body) }) { server in
            try await withClient { client in
                try await client.send(HTTPRequest(url: server.baseURL + "/"))
            }
        }
    }

    @Test func statusHeadersAndCaseInsensitiveLookup() async throws {
        let response = try await fetch(
            raw: "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nX-Amzn-RequestId: abc\r\n"
                + "Set-Cookie: a=1\r\nSet-Cookie: b=2\r\nX-Spaces:   padded value \t\r\nContent-Length: 5\r\n\r\nnope!")
        #expect(response.status == 404)
        #expect(response.body == Array("nope!".utf8))
        #expect(response.header("x-amzn-requestid") == "abc")
        #expect(response.header("CONTENT-TYPE") == "text/plain")
        #expect(response.header("X-Spaces") == "padded value")
        #expect(response.header("Missing") == nil)
        #expect(
            response.headers == [
                HTTPHeader(name: "Content-Type", value: "text/plain"),
                HTTPHeader(name: "X-Amzn-RequestId", value: "abc"),
                HTTPHeader(name: "Set-Cookie", value: "a=1"),
                HTTPHeader(name: "Set-Cookie", value: "b=2"),
                HTTPHeader(name: "X-Spaces", value: "padded value"),
                HTTPHeader(name: "Content-Length", value: "5"),
            ])
    }

    @Test func interimResponsesAreDroppedAndOnlyTheFinalHeadersKept() async throws {
        let response = try await fetch(
            raw: "HTTP/1.1 100 Continue\r\nX-Interim: 1\r\n\r\n"
                + "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nX-Final: yes\r\nContent-Length: 2\r\n\r\nok")
        #expect(response.status == 201)
        #expect(
            response.headers == [
                HTTPHeader(name: "X-Final", value: "yes"), HTTPHeader(name: "Content-Length", value: "2"),
            ])
        #expect(response.body == Array("ok".utf8))
    }

    @Test func redirectsAreReturnedNotFollowed() async throws {
        let response = try await fetch(
            raw: "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\nContent-Length: 0\r\n\r\n")
        #expect(response.status == 302)
        #expect(response.header("location") == "http://127.0.0.1:1/elsewhere")
    }

    @Test func foldedHeaderLinesAreJoined() async throws {
        let response = try await fetch(
            raw: "HTTP/1.1 200 OK\r\nX-Folded: first\r\n  second\r\nContent-Length: 0\r\n\r\n")
        #expect(response.header("X-Folded") == "first second")
    }

    @Test func chunkedBodiesAreDechunked() async throws {
        let response = try await fetch(
            raw: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\n\r\n")
        #expect(response.body == Array("hello world".utf8))
    }

    @Test func contentEncodedBodiesAreDeliveredUndecoded() async throws {
        let body: [UInt8] = [0x1F, 0x8B, 0x00, 0xFF, 0x10]
        let response = try await fetch(
            raw: "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: \(body.count)\r\n\r\n", body: body)
        #expect(response.status == 200)
        #expect(response.body == body)
    }
}
