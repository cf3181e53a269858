// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Testing

@Suite("Request encoding: the exact bytes on the wire")
struct RequestEncodingTests {
    @Test func getSendsOnlyTheExpectedHeaders() async throws {
        try await withServer(handler: echoHandler) { server in
            try await withClient { client in
                let response = try await client.send(
                    HTTPRequest(
                        url: server.baseURL + "/path/x?q=1&r=two",
                        headers: [HTTPHeader(name: "X-Custom", value: "v 1")]))
                #expect(response.status == 200)
                let text = String(decoding: response.body, as: UTF8.self)
                #expect(text.hasPrefix("GET /path/x?q=1&r=two HTTP/1.1\r\n"))
                #expect(
                    Set(headerLines(ofEcho: response.body)) == [
                        "Host: 127.0.0.1:\(server.port)", "User-Agent: goff-relay", "Accept: */*", "X-Custom: v 1",
                    ])
            }
        }
    }

    @Test func postSendsTheBodyVerbatimWithoutExpectOrDefaultContentType() async throws {
        let body = Array("{\"a\":1}\u{0}\r\n\u{FF}".utf8)
        try await withServer(handler: echoHandler) { server in
            try await withClient { client in
                let response = try await client.send(HTTPRequest(method: "POST", url: server.baseURL + "/", body: body))
                let received = try #require(server.requests.last)
                #expect(received.method == "POST")
                #expect(received.body == body)
                #expect(
                    Set(headerLines(ofEcho: response.body)) == [
                        "Host: 127.0.0.1:\(server.port)", "User-Agent: goff-relay", "Accept: */*",
                        "Content-Length: \(body.count)",
                    ])
                #expect(Array(response.body.suffix(body.count)) == body)
            }
        }
    }

    @Test func callerContentTypeAndRepeatedHeadersAreSentOnceEachInOrder() async throws {
        try await withServer(handler: echoHandler) { server in
            try await withClient(.init(userAgent: nil)) { client in
                let headers = [
                    HTTPHeader(name: "Content-Type", value: "application/x-amz-json-1.1"),
                    HTTPHeader(name: "X-Amz-Target", value: "Kinesis_20131202.PutRecords"),
                    HTTPHeader(name: "X-Twice", value: "1"),
                    HTTPHeader(name: "X-Twice", value: "2"),
                    HTTPHeader(name: "X-Empty", value: ""),
                ]
                let request = HTTPRequest(method: "POST", url: server.baseURL + "/", headers: headers, body: [1, 2])
                let response = try await client.send(request)
                let lines = headerLines(ofEcho: response.body)
                #expect(
                    lines.filter {
                        !$0.hasPrefix("Host:") && !$0.hasPrefix("Accept:") && !$0.hasPrefix("Content-Length:")
                    }
                        == [
                            "Content-Type: application/x-amz-json-1.1", "X-Amz-Target: Kinesis_20131202.PutRecords",
                            "X-Twice: 1", "X-Twice: 2", "X-Empty:",
                        ])
            }
        }
    }

    @Test(arguments: [
        ("PUT", [UInt8]("put-body".utf8)), ("PATCH", [UInt8]("patch".utf8)), ("DELETE", []), ("PURGE", [9, 8]),
        ("PUT", []), ("POST", []), ("OPTIONS", []),
    ])
    func methodsAndBodies(method: String, body: [UInt8]) async throws {
        try await withServer(handler: echoHandler) { server in
            try await withClient { client in
                let response = try await client.send(
                    HTTPRequest(method: method, url: server.baseURL + "/m", body: body))
                #expect(response.status == 200)
                let received = try #require(server.requests.last)
                #expect(received.method == method)
                #expect(received.target == "/m")
                #expect(received.body == body)
                let sendsBody = !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method)
                #expect(received.header("Content-Length") == (sendsBody ? "\(body.count)" : nil))
                #expect(received.header("Content-Type") == nil)
                #expect(received.header("Expect") == nil)
            }
        }
    }

    @Test func headReturnsHeadersWithoutWaitingForABody() async throws {
        try await withServer(handler: { _ in .raw(Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n".utf8)) }) {
            server in
            try await withClient { client in
                let response = try await client.send(HTTPRequest(method: "HEAD", url: server.baseURL + "/"))
                #expect(response.status == 200)
                #expect(response.header("content-length") == "10")
                #expect(response.body.isEmpty)
                #expect(server.requests.last?.method == "HEAD")
            }
        }
    }

    @Test(arguments: [
        HTTPRequest(method: "GE T", url: "http://127.0.0.1:1/"),
        HTTPRequest(method: "", url: "http://127.0.0.1:1/"),
        HTTPRequest(url: "http://127.0.0.1:1/", headers: [HTTPHeader(name: "X-A", value: "1\r\nX-Injected: 2")]),
        HTTPRequest(url: "http://127.0.0.1:1/", headers: [HTTPHeader(name: "Bad Name", value: "1")]),
        HTTPRequest(url: "http://127.0.0.1:1/a b"),
        HTTPRequest(url: "ftp://127.0.0.1:1/file"),
        HTTPRequest(url: "not a url"),
    ])
    func invalidRequestsAreRejectedBeforeAnyConnection(request: HTTPRequest) async throws {
        try await withClient { client in
            let error = await transportError { () async throws(TransportError) in try await client.send(request) }
            #expect(error?.code == .invalidRequest, "\(String(describing: error))")
        }
    }
}
