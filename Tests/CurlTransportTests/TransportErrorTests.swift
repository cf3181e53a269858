// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Testing

@Suite("Transport failures against real loopback peers")
struct TransportErrorTests {
    @Test func stalledServerTimesOut() async throws {
        try await withServer(handler: { _ in .stall }) { server in
            try await withClient { client in
                let request = HTTPRequest(url: server.baseURL + "/slow", timeout: .milliseconds(200))
                let error = await transportError { () async throws(TransportError) in try await client.send(request) }
                #expect(error?.code == .timedOut)
                #expect(error?.curlCode == 28)
            }
            try await eventually("the timed-out connection is closed") { server.connectionsClosedByClient == 1 }
        }
    }

    @Test func configuredRequestTimeoutAppliesWhenTheRequestHasNone() async throws {
        try await withServer(handler: { _ in .stall }) { server in
            try await withClient(.init(requestTimeout: .milliseconds(200))) { client in
                let error = await transportError { () async throws(TransportError) in
                    try await client.send(HTTPRequest(url: server.baseURL + "/slow"))
                }
                #expect(error?.code == .timedOut)
            }
        }
    }

    @Test func connectionResetIsAReceiveFailure() async throws {
        try await withServer(handler: { _ in .reset }) { server in
            try await withClient { client in
                let request = HTTPRequest(method: "POST", url: server.baseURL + "/", body: [1, 2, 3])
                let error = await transportError { () async throws(TransportError) in try await client.send(request) }
                #expect(error?.code == .receiveFailed, "\(String(describing: error))")
                #expect(error?.curlCode == 56)
                #expect(error?.message.contains("reset") == true)
            }
        }
    }

    @Test func closeWithoutAnswerIsAReceiveFailure() async throws {
        try await withServer(handler: { _ in .close }) { server in
            try await withClient { client in
                let error = await transportError { () async throws(TransportError) in
                    try await client.send(HTTPRequest(url: server.baseURL + "/"))
                }
                #expect(error?.code == .receiveFailed, "\(String(describing: error))")
                #expect(error?.curlCode == 52)
            }
        }
    }

    @Test func closedPortIsAConnectFailure() async throws {
        let port = try LoopbackServer.closedPort()
        try await withClient { client in
            let error = await transportError { () async throws(TransportError) in
                try await client.send(HTTPRequest(url: "http://127.0.0.1:\(port)/"))
            }
            #expect(error?.code == .connectFailed)
            #expect(error?.curlCode == 7)
            #expect(error?.description.hasPrefix("connectFailed (curl 7): ") == true)
        }
    }

    @Test func plainTextPeerOnHTTPSIsATLSFailure() async throws {
        let greeting = Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8)
        try await withServer(greeting: greeting, handler: { _ in .close }) { server in
            try await withClient { client in
                let error = await transportError { () async throws(TransportError) in
                    try await client.send(HTTPRequest(url: "https://127.0.0.1:\(server.port)/"))
                }
                #expect(error?.code == .tls, "\(String(describing: error))")
                #expect(error?.curlCode == 35)
            }
        }
    }

    @Test func errorsAfterAFailureDoNotPoisonTheClient() async throws {
        try await withServer(handler: { request in request.target == "/bad" ? .reset : .respond(status: 200) }) {
            server in
            try await withClient { client in
                let error = await transportError { () async throws(TransportError) in
                    try await client.send(HTTPRequest(url: server.baseURL + "/bad"))
                }
                #expect(error?.code == .receiveFailed)
                let response = try await client.send(HTTPRequest(url: server.baseURL + "/good"))
                #expect(response.status == 200)
            }
        }
    }

    @Test func descriptionWithoutCurlCode() {
        let error = TransportError(code: .shutdown, message: "bye")
        #expect(error.description == "shutdown: bye")
        #expect(error.curlCode == 0)
        #expect(TransportError.Code.timedOut.description == "timedOut")
    }
}
