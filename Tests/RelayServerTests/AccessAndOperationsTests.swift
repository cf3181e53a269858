// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import EventSpool
import Foundation
import KinesisExporter
import Logging
import NIOCore
import NIOPosix
import RelayServer
import ServiceLifecycle
import Testing

/// Runs the API on a loopback port with keys and a status, then calls `body` with its base URL.
private func withAPI(
    keys: APIKeyStore, status: RelayStatus = .empty, versionHeader: String? = "1.2.3",
    _ body: (String, CurlHTTPClient) async throws -> Void
) async throws {
    let log = MemoryEventLog(capacityBytes: 1_000_000)
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let port = ListeningPort()
    let app = RelayApplication.make(
        settings: .init(host: "127.0.0.1", port: 0, versionHeader: versionHeader),
        dispatcher: testDispatcher(log, partitionKey: .userKey),
        eventLoopGroup: group, logger: Logger(label: "test"), keys: keys, status: status,
        onListening: { await port.set($0) })
    try await serveOnLoopback(app, port: port, group: group, body)
}

private let event = #"{"events":[{"kind":"feature","userKey":"u","key":"f","creationDate":1}]}"#

private func collect(
    _ client: CurlHTTPClient, _ base: String, _ headers: [(String, String)]
) async throws
    -> (Int, String)
{
    let response = try await client.send(
        CurlTransport.HTTPRequest(
            method: "POST", url: base + "/v1/data/collector",
            headers: [HTTPHeader(name: "Content-Type", value: "application/json")]
                + headers.map { HTTPHeader(name: $0.0, value: $0.1) },
            body: Array(event.utf8)))
    return (response.status, String(decoding: response.body, as: UTF8.self))
}

@Test func evaluationRoutesNeedAKeyOnceOneIsConfiguredWithGOFFsMessages() async throws {
    let keys = APIKeyStore(evaluation: ["eval-key"], admin: ["admin-key"])
    try await withAPI(keys: keys) { base, client in
        let cases: [([(String, String)], Int, String?)] = [
            ([], 401, "{\"message\":\"missing key in request header\"}\n"),
            ([("X-API-Key", "wrong")], 401, "{\"message\":\"code=401, message=Unauthorized\"}\n"),
            ([("Authorization", "Basic eval-key")], 401, "{\"message\":\"invalid key in the request header\"}\n"),
            ([("Authorization", "Bearer nope")], 401, "{\"message\":\"invalid key\"}\n"),
            ([("X-API-Key", "eval-key")], 200, nil),
            ([("Authorization", "bearer eval-key")], 200, nil),
            ([("X-API-Key", "admin-key")], 200, nil),
        ]
        for (headers, status, body) in cases {
            let (gotStatus, gotBody) = try await collect(client, base, headers)
            #expect(gotStatus == status, "\(headers)")
            if let body { #expect(gotBody == body) }
        }
        keys.replace(evaluation: ["rotated"], admin: [])
        let old = try await collect(client, base, [("X-API-Key", "eval-key")])
        #expect(old.0 == 401, "rotated without restart")
        let new = try await collect(client, base, [("X-API-Key", "rotated")])
        #expect(new.0 == 200)
    }
}

@Test func adminKeysAloneLeaveEvaluationRoutesOpenAsInGOFF() async throws {
    try await withAPI(keys: APIKeyStore(evaluation: [], admin: ["admin-key"])) { base, client in
        let (status, _) = try await collect(client, base, [])
        #expect(status == 200)
    }
}

@Test func everyResponseCarriesTheVersionHeaderUnlessDisabled() async throws {
    try await withAPI(keys: APIKeyStore(evaluation: [], admin: [])) { base, client in
        let ok = try await client.send(CurlTransport.HTTPRequest(method: "GET", url: base + "/health"))
        #expect(ok.header("X-GOFEATUREFLAG-VERSION") == "1.2.3")
        let missing = try await client.send(CurlTransport.HTTPRequest(method: "GET", url: base + "/nope"))
        #expect(missing.status == 404)
        #expect(missing.header("X-GOFEATUREFLAG-VERSION") == "1.2.3")
    }
    try await withAPI(keys: APIKeyStore(evaluation: [], admin: []), versionHeader: nil) { base, client in
        let ok = try await client.send(CurlTransport.HTTPRequest(method: "GET", url: base + "/health"))
        #expect(ok.header("X-GOFEATUREFLAG-VERSION") == nil)
    }
}

@Test func infoReportsCacheRefreshAndEachExporter() async throws {
    let status = RelayStatus(
        cacheRefresh: { "2026-11-25T21:00:00Z" },
        exporters: {
            [
                ExporterInfo(
                    name: "exporter", pendingRecords: 3, pendingBytes: 300, capacityBytes: 1_000, recordsSent: 7,
                    recordFailures: 1, callFailures: 2, deadLettered: 0, lastSuccess: nil, lastError: "HTTP 503")
            ]
        },
        metricsText: { Array("goff_relay_up 1\n".utf8) })
    try await withAPI(keys: APIKeyStore(evaluation: ["k"], admin: []), status: status) { base, client in
        let info = try await client.send(CurlTransport.HTTPRequest(method: "GET", url: base + "/info"))
        #expect(info.status == 200, "monitoring routes need no key")
        #expect(
            String(decoding: info.body, as: UTF8.self)
                == #"{"cacheRefresh":"2026-11-25T21:00:00Z","exporters":{"exporter":{"callFailures":2,"#
                + #""capacityBytes":1000,"deadLettered":0,"lastError":"HTTP 503","lastSuccess":null,"pendingBytes":300,"#
                + #""pendingRecords":3,"recordFailures":1,"recordsSent":7}}}"# + "\n")
        let metrics = try await client.send(CurlTransport.HTTPRequest(method: "GET", url: base + "/metrics"))
        #expect(String(decoding: metrics.body, as: UTF8.self) == "goff_relay_up 1\n")
        #expect(metrics.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
    }
}

@Test func constantTimeComparisonIsExact() {
    let store = APIKeyStore(evaluation: ["abc"], admin: ["abcd"])
    #expect(store.role(of: "abc") == .evaluation)
    #expect(store.role(of: "abcd") == .admin)
    #expect(store.role(of: "ab") == nil)
    #expect(store.role(of: "abce") == nil)
    #expect(store.role(of: "") == nil)
}
