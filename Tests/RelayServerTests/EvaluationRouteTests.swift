// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import EventSpool
import Events
import FlagRetrieval
import Foundation
import KinesisExporter
import Logging
import NIOCore
import NIOPosix
import RelayServer
import ServiceLifecycle
import Testing

/// Runs the application with the evaluation routes over a store holding `testFlagsJSON`.
private func withEvaluationRelay(
    refresh: (@Sendable () async -> Bool)? = nil,
    _ body: (_ base: String, _ log: MemoryEventLog, _ client: CurlHTTPClient) async throws -> Void
) async throws {
    let log = MemoryEventLog(capacityBytes: 1_000_000)
    let routes = EvaluationRoutes(source: try testFlagSource(), refresh: refresh)
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let port = ListeningPort()
    let app = RelayApplication.make(
        settings: .init(host: "127.0.0.1", port: 0), dispatcher: testDispatcher(log), eventLoopGroup: group,
        logger: Logger(label: "test"),
        keys: APIKeyStore(evaluation: [], admin: ["adm"]), evaluation: routes,
        onListening: { await port.set($0) })
    try await serveOnLoopback(app, port: port, group: group) { base, client in try await body(base, log, client) }
}

private func send(
    _ client: CurlHTTPClient, _ url: String, _ body: String?, method: String = "POST", headers: [HTTPHeader] = []
) async throws -> HTTPResponse {
    try await client.send(
        HTTPRequest(
            method: method, url: url, headers: [HTTPHeader(name: "Content-Type", value: "application/json")] + headers,
            body: body.map { Array($0.utf8) } ?? []))
}

/// The records the dispatcher appended, waiting for the first one.
private func events(in log: MemoryEventLog) async -> [String] {
    _ = await log.waitForRecords(timeout: nil)
    return await log.readAvailable(maxRecords: 10, maxBytes: 1_000_000).map {
        String(decoding: $0.record.data, as: UTF8.self)
    }
}

@Suite struct EvaluationRouteTests {
    @Test func ofrepSingleMatchEmitsAServerEvent() async throws {
        try await withEvaluationRelay { base, log, client in
            let response = try await send(
                client, base + "/ofrep/v1/evaluate/flags/email-flag",
                #"{"context":{"targetingKey":"u-1","email":"a@example.com","anonymous":true,"#
                    + #""gofeatureflag":{"exporterMetadata":{"app":"t"}}}}"#)
            #expect(response.status == 200)
            #expect(
                text(response)
                    == #"{"key":"email-flag","value":true,"reason":"TARGETING_MATCH","variant":"on","#
                    + #""metadata":{"evaluatedRuleName":"staff","gofeatureflag_cacheable":true}}"# + "\n")
            let recorded = await events(in: log)
            #expect(recorded.count == 1)
            let event = try #require(recorded.first)
            #expect(event.contains(#""kind":"feature","contextKind":"anonymousUser","userKey":"u-1""#))
            #expect(event.contains(#""key":"email-flag","variation":"on","value":true,"default":false"#))
            #expect(event.contains(#""source":"SERVER","metadata":{"app":"t"}"#))
        }
    }

    @Test func ofrepSingleErrors() async throws {
        try await withEvaluationRelay { base, log, client in
            let missing = try await send(
                client, base + "/ofrep/v1/evaluate/flags/nope", #"{"context":{"targetingKey":"u"}}"#)
            #expect(missing.status == 404)
            #expect(
                text(missing)
                    == #"{"errorCode":"FLAG_NOT_FOUND","errorDetails":"Error while evaluating the flag: nope","key":"nope"}"#
                    + "\n")
            let noContext = try await send(client, base + "/ofrep/v1/evaluate/flags/email-flag", "{}")
            #expect(noContext.status == 400)
            #expect(
                text(noContext)
                    == #"{"errorCode":"INVALID_CONTEXT","errorDetails":"GO Feature Flag requires an evaluation "#
                    + #"context in the request.","key":"email-flag"}"# + "\n")
            let broken = try await send(client, base + "/ofrep/v1/evaluate/flags/email-flag", "{\"context\":")
            #expect(broken.status == 400)
            #expect(text(broken).hasPrefix(#"{"errorCode":"INVALID_CONTEXT","errorDetails":"code=400, message="#))
            let split = try await send(client, base + "/ofrep/v1/evaluate/flags/split-flag", #"{"context":{}}"#)
            #expect(split.status == 400)
            #expect(text(split).hasPrefix(#"{"errorCode":"TARGETING_KEY_MISSING""#))
            let recorded = await events(in: log)
            #expect(
                recorded.first?.contains(#""key":"nope","variation":"SdkDefault","value":null,"default":true"#) == true)
        }
    }

    @Test func ofrepSingleDisabledAndUntracked() async throws {
        try await withEvaluationRelay { base, log, client in
            let quiet = try await send(
                client, base + "/ofrep/v1/evaluate/flags/quiet-flag", #"{"context":{"targetingKey":"u"}}"#)
            #expect(
                text(quiet)
                    == #"{"key":"quiet-flag","value":1,"reason":"STATIC","variant":"a","metadata":{"gofeatureflag_cacheable":true}}"#
                    + "\n")
            let off = try await send(
                client, base + "/ofrep/v1/evaluate/flags/off-flag", #"{"context":{"targetingKey":"u"}}"#)
            #expect(
                text(off)
                    == #"{"key":"off-flag","value":"thisisadefaultvaluethatItest1233%%","reason":"DISABLED","#
                    + #""variant":"SdkDefault","metadata":{"gofeatureflag_cacheable":true}}"# + "\n")
            let recorded = await events(in: log)
            #expect(recorded.count == 1, "trackEvents: false emits nothing")
            #expect(recorded.first?.contains(#""key":"off-flag""#) == true)
        }
    }

    @Test func ofrepBulkWithETag() async throws {
        try await withEvaluationRelay { base, _, client in
            let body = #"{"context":{"targetingKey":"u-1","gofeatureflag":{"flagList":["off-flag","email-flag","x"]}}}"#
            let response = try await send(client, base + "/ofrep/v1/evaluate/flags", body)
            #expect(response.status == 200)
            let expected =
                #"{"flags":[{"key":"email-flag","value":false,"reason":"DEFAULT","variant":"off"},"#
                + #"{"key":"off-flag","value":null,"reason":"DISABLED","variant":""}]}"# + "\n"
            #expect(text(response) == expected)
            let etag = try #require(response.header("ETag"))
            #expect(etag.hasPrefix("\"\(expected.utf8.count)-"))
            let digits = String(expected.utf8.count).count
            #expect(etag.count == digits + 43, "quotes, length, dash and 40 hex digits")
            let again = try await send(
                client, base + "/ofrep/v1/evaluate/flags", body,
                headers: [HTTPHeader(name: "If-None-Match", value: etag)])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            let weak = try await send(
                client, base + "/ofrep/v1/evaluate/flags", body,
                headers: [HTTPHeader(name: "If-None-Match", value: "W/" + etag)])
            #expect(weak.status == 304)
            let noContext = try await send(client, base + "/ofrep/v1/evaluate/flags", "{}")
            #expect(noContext.status == 400)
            #expect(!text(noContext).contains("\"key\""))
        }
    }

    @Test func configurationAndChange() async throws {
        try await withEvaluationRelay { base, _, client in
            let response = try await send(client, base + "/v1/flag/configuration", #"{"flags":["quiet-flag"]}"#)
            #expect(response.status == 200)
            #expect(
                text(response)
                    == #"{"flags":{"quiet-flag":{"variations":{"a":1},"defaultRule":{"variation":"a"},"trackEvents":false}}}"#
                    + "\n")
            #expect(response.header("Last-Modified")?.hasSuffix(" GMT") == true)
            let etag = try #require(response.header("ETag"))
            let cached = try await send(
                client, base + "/v1/flag/configuration", #"{"flags":["quiet-flag"]}"#,
                headers: [HTTPHeader(name: "If-None-Match", value: etag)])
            #expect(cached.status == 304)
            let all = try await send(client, base + "/v1/flag/configuration", #"{"flags":[]}"#)
            #expect(text(all).contains("\"split-flag\""))
            let bad = try await send(client, base + "/v1/flag/configuration", #"{"flags":"#)
            #expect(bad.status == 400)
            #expect(
                text(bad).hasPrefix(
                    #"{"errorCode":"INVALID_REQUEST","errorDetails":"impossible to read request body: "#))
            let change = try await send(client, base + "/v1/flag/change", nil, method: "GET")
            #expect(change.status == 200)
            #expect(text(change).hasPrefix(#"{"hash":"#))
            let changeETag = try #require(change.header("ETag"))
            let unchanged = try await send(
                client, base + "/v1/flag/change", nil, method: "GET",
                headers: [HTTPHeader(name: "If-None-Match", value: changeETag)])
            #expect(unchanged.status == 304)
        }
    }

    @Test func legacyRoutes() async throws {
        try await withEvaluationRelay { base, log, client in
            let single = try await send(
                client, base + "/v1/feature/nope/eval", #"{"evaluationContext":{"key":"u-1"},"defaultValue":"d"}"#)
            #expect(single.status == 200)
            #expect(
                text(single)
                    == #"{"trackEvents":true,"variationType":"SdkDefault","failed":true,"version":"","reason":"ERROR","#
                    + #""errorCode":"FLAG_NOT_FOUND","value":"d","cacheable":false}"#
                    + "\n")
            let recorded = await events(in: log)
            #expect(recorded.first?.contains(#""variation":"SdkDefault","value":"d","default":true"#) == true)
            let noUser = try await send(client, base + "/v1/feature/nope/eval", "{}")
            #expect(noUser.status == 400)
            #expect(text(noUser) == #"{"message":"assertRequest: impossible to find user in request"}"# + "\n")
            let all = try await send(
                client, base + "/v1/allflags",
                #"{"user":{"key":"u-1","custom":{"gofeatureflag":{"flagList":["quiet-flag"]}}}}"#)
            #expect(all.status == 200)
            let allText = text(all)
            #expect(allText.hasPrefix(#"{"flags":{"quiet-flag":{"value":1,"timestamp":"#))
            #expect(
                allText.hasSuffix(
                    #""variationType":"a","trackEvents":false,"errorCode":"","reason":"STATIC"}},"valid":true}"# + "\n")
            )
        }
    }

    @Test func adminRefresh() async throws {
        try await withEvaluationRelay(refresh: { true }) { base, _, client in
            let denied = try await send(client, base + "/admin/v1/retriever/refresh", nil)
            #expect(denied.status == 401)
            let response = try await send(
                client, base + "/admin/v1/retriever/refresh", nil,
                headers: [HTTPHeader(name: "X-API-Key", value: "adm")])
            #expect(response.status == 200)
            #expect(text(response) == #"{"refreshed":true}"# + "\n")
        }
    }
}
