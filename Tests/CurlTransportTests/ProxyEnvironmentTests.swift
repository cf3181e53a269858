// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Glibc
import Testing

/// libcurl reads proxy variables itself; these tests check that our client leaves that on.
///
/// They change the process environment, so every variable set here is restored afterwards, and
/// `no_proxy` always lists the loopback names so that concurrent tests (which only use 127.0.0.1 and
/// localhost) are never routed through the test proxy. The proxied host name is never resolved:
/// the proxy, a loopback server, receives it.
@Suite("Proxies from the environment", .serialized)
struct ProxyEnvironmentTests {
    private static let proxiedHost = "goff-relay-proxy-test.invalid"

    @Test func lowercaseHTTPProxyIsUsedAndNoProxyBypassesIt() async throws {
        try await withServer(handler: echoHandler) { proxy in
            try await withServer(handler: echoHandler) { origin in
                let environment = [
                    "http_proxy": proxy.baseURL, "no_proxy": "127.0.0.1,localhost", "NO_PROXY": nil,
                    "all_proxy": nil, "ALL_PROXY": nil,
                ]
                try await withEnvironment(environment) {
                    try await withClient { client in
                        let viaProxy = try await client.send(HTTPRequest(url: "http://\(Self.proxiedHost)/x?y=1"))
                        #expect(viaProxy.status == 200)
                        let proxied = try #require(proxy.requests.last)
                        #expect(proxied.target == "http://\(Self.proxiedHost)/x?y=1")
                        #expect(proxied.header("Host") == Self.proxiedHost)

                        let direct = try await client.send(HTTPRequest(url: "http://localhost:\(origin.port)/d"))
                        #expect(direct.status == 200)
                        #expect(origin.requests.map(\.target) == ["/d"])
                        #expect(proxy.requests.count == 1)
                    }
                }
            }
        }
    }

    @Test func uppercaseHTTPSProxyTunnelsThroughConnect() async throws {
        let handler: @Sendable (LoopbackServer.Request) -> LoopbackServer.Action = { _ in
            .respond(status: 403, close: true)
        }
        try await withServer(handler: handler) { proxy in
            let environment = [
                "HTTPS_PROXY": proxy.baseURL, "https_proxy": nil, "NO_PROXY": "127.0.0.1,localhost",
                "no_proxy": nil, "all_proxy": nil, "ALL_PROXY": nil,
            ]
            try await withEnvironment(environment) {
                try await withClient { client in
                    let error = await transportError { () async throws(TransportError) in
                        try await client.send(HTTPRequest(url: "https://\(Self.proxiedHost)/"))
                    }
                    #expect(error?.code == .receiveFailed, "\(String(describing: error))")
                    #expect(error?.message.contains("403") == true)
                }
            }
            let tunnel = try #require(proxy.requests.last)
            #expect(tunnel.method == "CONNECT")
            #expect(tunnel.target == "\(Self.proxiedHost):443")
        }
    }

    /// Sets (or, for `nil`, unsets) variables for the duration of `body`, then restores them.
    private func withEnvironment(
        _ values: [String: String?], _ body: () async throws -> Void
    ) async throws {
        var saved: [String: String?] = [:]
        for (name, value) in values {
            saved[name] = getenv(name).map { String(cString: $0) }
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
        defer {
            for (name, value) in saved {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
        }
        try await body()
    }
}
