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

/// Runs the real application on a loopback port and talks to it with the real libcurl client.
private func withRelay(
    maxBodyBytes: Int = 1_000_000, capacityBytes: Int = 1_000_000,
    _ body: (_ base: String, _ log: MemoryEventLog, _ client: CurlHTTPClient) async throws -> Void
) async throws {
    let log = MemoryEventLog(capacityBytes: capacityBytes)
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let port = ListeningPort()
    let app = RelayApplication.make(
        settings: .init(host: "127.0.0.1", port: 0, maxBodyBytes: maxBodyBytes, retryAfterSeconds: 2),
        dispatcher: testDispatcher(log), eventLoopGroup: group, logger: Logger(label: "test"),
        onListening: { await port.set($0) })
    try await serveOnLoopback(app, port: port, group: group) { base, client in try await body(base, log, client) }
}

private func post(
    _ client: CurlHTTPClient, _ url: String, _ body: String, contentType: String = "application/json"
)
    async throws -> HTTPResponse
{
    try await client.send(
        HTTPRequest(
            method: "POST", url: url, headers: [HTTPHeader(name: "Content-Type", value: contentType)],
            body: Array(body.utf8)))
}

@Test func acceptsEventsAndQueuesGOFFRecordBytes() async throws {
    try await withRelay { base, log, client in
        let body = #"""
            {"meta":{"env":"prod"},"events":[
              {"kind":"feature","userKey":"u-1","creationDate":1755600000123,"key":"new-ui","variation":"on",
               "value":true,"default":false,"version":"1"},
              {"kind":"tracking","userKey":"u-1","creationDate":1755600000,"key":"checkout"}]}
            """#
        let response = try await post(client, base + "/v1/data/collector", body)
        #expect(response.status == 200)
        #expect(text(response) == "{\"ingestedContentCount\":2}\n")
        let records = await log.readAvailable(maxRecords: 10, maxBytes: 1_000_000)
        #expect(records.count == 1, "the tracking event has no tracking exporter here and is dropped, as GOFF does")
        let expected = #"""
            {"kind":"feature","userKey":"u-1","creationDate":1755600000,"key":"new-ui","variation":"on",\#
            "value":true,"default":false,"version":"1","source":"PROVIDER_CACHE","metadata":{"env":"prod"}}
            """#
        #expect(String(decoding: records.first?.record.data ?? [], as: UTF8.self) == expected)
        #expect(records.first?.record.partitionKey == "default")
        #expect(records.first?.record.eventKey == "new-ui")
    }
}

@Test func rejectsMalformedJSONWithAJSONMessageAndKeepsNothing() async throws {
    try await withRelay { base, log, client in
        let response = try await post(client, base + "/v1/data/collector", #"{"events":[{"kind":"feature",}]}"#)
        #expect(response.status == 400)
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: String]
        #expect(object?["message"]?.isEmpty == false)
        #expect(await log.statistics().pendingRecords == 0)
    }
}

@Test func rejectsAMissingEventsListAsGOFFDoes() async throws {
    try await withRelay { base, _, client in
        let response = try await post(client, base + "/v1/data/collector", #"{"meta":{}}"#)
        #expect(response.status == 400)
        #expect(text(response) == "{\"message\":\"collectEvalData: invalid input data\"}\n")
    }
}

@Test func rejectsBodiesOverTheLimitWith413() async throws {
    try await withRelay(maxBodyBytes: 1_000) { base, log, client in
        let events = Array(repeating: #"{"kind":"feature","key":"k","userKey":"u"}"#, count: 100).joined(separator: ",")
        let response = try await post(client, base + "/v1/data/collector", "{\"events\":[\(events)]}")
        #expect(response.status == 413)
        #expect(text(response).contains("\"message\""))
        #expect(await log.statistics().pendingRecords == 0)
    }
}

@Test func rejectsANonJSONContentTypeWithGOFFsMessage() async throws {
    try await withRelay { base, _, client in
        let response = try await post(client, base + "/v1/data/collector", "events=1", contentType: "text/plain")
        #expect(response.status == 400)
        #expect(
            text(response)
                == "{\"message\":\"collectEvalData: invalid input data code=415, message=Unsupported Media Type\"}\n")
    }
}

@Test func answers503WithRetryAfterWhenTheQueueIsFull() async throws {
    try await withRelay(capacityBytes: 300) { base, log, client in
        let event = #"{"kind":"feature","key":"flag","userKey":"user","creationDate":1,"value":"x"}"#
        let first = try await post(client, base + "/v1/data/collector", "{\"events\":[\(event),\(event)]}")
        #expect(first.status == 200)
        let second = try await post(client, base + "/v1/data/collector", "{\"events\":[\(event),\(event)]}")
        #expect(second.status == 503)
        #expect(second.header("Retry-After") == "2")
        #expect(await log.statistics().pendingRecords == 2, "nothing of the refused request was kept")
    }
}

@Test func unknownRoutesAnswerGOFFsNotFoundBody() async throws {
    try await withRelay { base, _, client in
        let response = try await client.send(HTTPRequest(method: "GET", url: base + "/v1/nope"))
        #expect(response.status == 404)
        #expect(text(response) == "{\"message\":\"Not Found\"}\n")
        let health = try await client.send(HTTPRequest(method: "GET", url: base + "/health"))
        #expect(health.status == 200)
        #expect(text(health) == "{\"initialized\":true}\n")
    }
}
