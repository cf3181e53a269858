// SPDX-License-Identifier: Apache-2.0

import NIOCore
import RelayServer
import Testing

/// One request table row: what a client sends on one connection, what it must get, how many events result.
struct FastPathCase: Sendable, CustomTestStringConvertible {
    let name: String
    let steps: [RawHTTPClient.Step]
    /// The status codes expected, in order; nil where only equality of both paths is checked.
    let statuses: [Int]?
    /// How many records each relay's log must receive.
    let events: Int
    var readToEnd = false

    var testDescription: String { name }
}

private let ofrep = "/ofrep/v1/evaluate/flags/"
private let collectorBody =
    #"{"events":[{"kind":"feature","userKey":"u-1","creationDate":1755600000,"key":"k","variation":"on","#
    + #""value":true,"default":false,"version":"1"}]}"#
private let oversized = #"{"context":{"targetingKey":"u","pad":""# + String(repeating: "x", count: 400) + #""}}"#

private func post(_ target: String, _ body: String, _ headers: [String] = []) -> [UInt8] {
    RawHTTPClient.request(target, body: body, headers: headers)
}

private func one(
    _ name: String, _ bytes: [UInt8], status: Int?, events: Int, readToEnd: Bool = false
) -> FastPathCase {
    FastPathCase(
        name: name, steps: [.init(bytes: bytes, responses: 1)], statuses: status.map { [$0] }, events: events,
        readToEnd: readToEnd)
}

private let openCases: [FastPathCase] = [
    one(
        "match", post(ofrep + "email-flag", #"{"context":{"targetingKey":"u-1","email":"a@example.com"}}"#),
        status: 200, events: 1),
    one(
        "default rule", post(ofrep + "email-flag", #"{"context":{"targetingKey":"u-1","email":"a@b.org"}}"#),
        status: 200, events: 1),
    one(
        "split", post(ofrep + "split-flag", #"{"context":{"targetingKey":"u-7","anonymous":true}}"#),
        status: 200, events: 1),
    one("disabled", post(ofrep + "off-flag", #"{"context":{"targetingKey":"u"}}"#), status: 200, events: 1),
    one("untracked", post(ofrep + "quiet-flag", #"{"context":{"targetingKey":"u"}}"#), status: 200, events: 0),
    one("unknown flag", post(ofrep + "nope", #"{"context":{"targetingKey":"u"}}"#), status: 404, events: 1),
    one(
        "percent-encoded key", post(ofrep + "email%2Dflag", #"{"context":{"targetingKey":"u"}}"#),
        status: 404, events: 1),
    one("bad JSON", post(ofrep + "email-flag", #"{"context":"#), status: 400, events: 0),
    one("missing context", post(ofrep + "email-flag", "{}"), status: 400, events: 0),
    one("empty body", post(ofrep + "email-flag", ""), status: 400, events: 0),
    one("context not an object", post(ofrep + "email-flag", #"{"context":3}"#), status: 400, events: 0),
    one("body not an object", post(ofrep + "email-flag", "[1]"), status: 400, events: 0),
    one("no targetingKey", post(ofrep + "split-flag", #"{"context":{}}"#), status: 400, events: 1),
    one(
        "exporter metadata",
        post(
            ofrep + "email-flag",
            #"{"context":{"targetingKey":"u","gofeatureflag":{"exporterMetadata":{"app":"t","n":1}}}}"#),
        status: 200, events: 1),
    one(
        "query string", post(ofrep + "email-flag?x=1&y=%20", #"{"context":{"targetingKey":"u"}}"#),
        status: 200, events: 1),
    one("body over the limit", post(ofrep + "email-flag", oversized), status: 413, events: 0),
    FastPathCase(
        name: "body over the limit, then another request",
        steps: [
            .init(bytes: post(ofrep + "email-flag", oversized), responses: 1),
            .init(bytes: post(ofrep + "email-flag", #"{"context":{"targetingKey":"u"}}"#), responses: 1),
        ],
        statuses: [413, 200], events: 1),
    FastPathCase(
        name: "keep-alive, collector and OFREP mixed",
        steps: [
            .init(bytes: post("/v1/data/collector", collectorBody), responses: 1),
            .init(
                bytes: post(ofrep + "email-flag", #"{"context":{"targetingKey":"u","email":"e@example.com"}}"#),
                responses: 1),
            .init(bytes: post(ofrep + "nope", #"{"context":{"targetingKey":"u"}}"#), responses: 1),
            .init(bytes: post("/v1/data/collector", collectorBody), responses: 1),
            .init(bytes: post(ofrep + "quiet-flag", #"{"context":{"targetingKey":"u"}}"#), responses: 1),
            .init(bytes: post(ofrep + "email-flag", "{}"), responses: 1),
        ],
        statuses: [200, 200, 404, 200, 200, 400], events: 4),
    FastPathCase(
        name: "body split across writes",
        steps: [
            .init(
                bytes: Array(post(ofrep + "split-flag", #"{"context":{"targetingKey":"u-3"}}"#).dropLast(10)),
                responses: 0),
            .init(
                bytes: Array(post(ofrep + "split-flag", #"{"context":{"targetingKey":"u-3"}}"#).suffix(10)),
                responses: 1),
        ],
        statuses: [200], events: 1),
    one(
        "chunked body",
        Array(
            ("POST \(ofrep)email-flag HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "b\r\n{\"context\":\r\n12\r\n{\"targetingKey\":\"u\r\n3\r\n\"}}\r\n0\r\n\r\n").utf8),
        status: 200, events: 1),
    one(
        "Connection: close",
        post(ofrep + "email-flag", #"{"context":{"targetingKey":"u"}}"#, ["Connection: close"]),
        status: 200, events: 1, readToEnd: true),
    one(
        "Connection: Close (not the exact token Hummingbird closes on)",
        post(ofrep + "email-flag", #"{"context":{"targetingKey":"u"}}"#, ["Connection: Close"]),
        status: 200, events: 1),
    one(
        "Connection: keep-alive",
        post(ofrep + "email-flag", #"{"context":{"targetingKey":"u"}}"#, ["Connection: keep-alive"]),
        status: 200, events: 1),
    one(
        "HTTP/1.0",
        Array(
            ("POST \(ofrep)email-flag HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: 32\r\n\r\n"
                + #"{"context":{"targetingKey":"u"}}"#).utf8),
        status: 200, events: 1),
    one("trailing slash", post(ofrep + "email-flag/", #"{"context":{"targetingKey":"u"}}"#), status: nil, events: 1),
    one("GET", RawHTTPClient.request(ofrep + "email-flag", method: "GET"), status: nil, events: 0),
    one("bulk", post("/ofrep/v1/evaluate/flags", #"{"context":{"targetingKey":"u"}}"#), status: 200, events: 0),
]

private let keyCases: [FastPathCase] = [
    one("no key", post(ofrep + "email-flag", #"{"context":{"targetingKey":"u"}}"#), status: 401, events: 0),
    one(
        "wrong X-API-Key", post(ofrep + "email-flag", #"{"context":{"targetingKey":"u"}}"#, ["X-API-Key: no"]),
        status: 401, events: 0),
    one(
        "right X-API-Key", post(ofrep + "email-flag", #"{"context":{"targetingKey":"u"}}"#, ["X-API-Key: ek"]),
        status: 200, events: 1),
    one(
        "admin key", post(ofrep + "email-flag", #"{"context":{"targetingKey":"u"}}"#, ["X-API-Key: adm"]),
        status: 200, events: 1),
    one(
        "right bearer", post(ofrep + "email-flag", #"{"context":{"targetingKey":"u"}}"#, ["Authorization: bEaReR ek"]),
        status: 200, events: 1),
    one(
        "wrong bearer", post(ofrep + "email-flag", #"{"context":{"targetingKey":"u"}}"#, ["Authorization: Bearer x"]),
        status: 401, events: 0),
    one(
        "other scheme", post(ofrep + "email-flag", #"{"context":{"targetingKey":"u"}}"#, ["Authorization: Basic ek"]),
        status: 401, events: 0),
    FastPathCase(
        name: "wrong key and body over the limit, then a good request",
        steps: [
            .init(bytes: post(ofrep + "email-flag", oversized, ["X-API-Key: no"]), responses: 1),
            .init(bytes: post(ofrep + "nope", #"{"context":{"targetingKey":"u"}}"#, ["X-API-Key: ek"]), responses: 1),
        ],
        statuses: [401, 404], events: 1),
]

/// Sends `row` to both relays and checks that they answer and emit the same.
private func expectSameAnswers(
    _ row: FastPathCase, fast: PairedRelay, slow: PairedRelay, group: any EventLoopGroup
)
    async throws
{
    let fastSeen = try await RawHTTPClient.exchange(
        port: fast.port, group: group, steps: row.steps, readToEnd: row.readToEnd)
    let slowSeen = try await RawHTTPClient.exchange(
        port: slow.port, group: group, steps: row.steps, readToEnd: row.readToEnd)
    let expectedCount = row.steps.reduce(0) { $0 + $1.responses }
    #expect(fastSeen.responses.count == expectedCount)
    #expect(fastSeen.responses.map(\.withoutDate) == slowSeen.responses.map(\.withoutDate))
    #expect(fastSeen.closedByServer == slowSeen.closedByServer)
    #expect(fastSeen.closedByServer == row.readToEnd)
    #expect(fastSeen.responses.allSatisfy { $0.header("Date")?.hasSuffix(" GMT") == true })
    #expect(fastSeen.responses.allSatisfy { $0.header("X-GOFEATUREFLAG-VERSION") == "9.9.9-test" })
    if let statuses = row.statuses {
        #expect(fastSeen.responses.map { Int($0.statusLine.split(separator: " ")[1]) ?? 0 } == statuses)
    }
    let fastEvents = await fast.events(count: row.events)
    let slowEvents = await slow.events(count: row.events)
    #expect(fastEvents.count == row.events)
    #expect(fastEvents == slowEvents)
}

@Suite struct OFREPFastPathTests {
    @Test(arguments: openCases)
    func sameAnswersWithoutKeys(_ row: FastPathCase) async throws {
        try await withRelayPair { fast, slow, group in
            try await expectSameAnswers(row, fast: fast, slow: slow, group: group)
        }
    }

    @Test(arguments: keyCases)
    func sameAnswersWithKeys(_ row: FastPathCase) async throws {
        try await withRelayPair(keys: APIKeyStore(evaluation: ["ek"], admin: ["adm"])) { fast, slow, group in
            try await expectSameAnswers(row, fast: fast, slow: slow, group: group)
        }
    }

    @Test func knownAnswer() async throws {
        try await withRelayPair { fast, _, group in
            let seen = try await RawHTTPClient.exchange(
                port: fast.port, group: group,
                steps: [
                    .init(
                        bytes: post(ofrep + "email-flag", #"{"context":{"targetingKey":"u","email":"a@example.com"}}"#),
                        responses: 1)
                ])
            let response = try #require(seen.responses.first)
            #expect(response.statusLine == "HTTP/1.1 200 OK")
            #expect(
                response.withoutDate.headers == [
                    "Content-Type: application/json; charset=UTF-8", "Content-Length: 148",
                    "X-GOFEATUREFLAG-VERSION: 9.9.9-test",
                ])
            #expect(
                response.text
                    == #"{"key":"email-flag","value":true,"reason":"TARGETING_MATCH","variant":"on","#
                    + #""metadata":{"evaluatedRuleName":"staff","gofeatureflag_cacheable":true}}"# + "\n")
        }
    }

    @Test func pipelinedResponsesKeepRequestOrder() async throws {
        try await withRelayPair { fast, slow, group in
            let burst =
                post("/v1/data/collector", collectorBody)
                + post(ofrep + "email-flag", #"{"context":{"targetingKey":"u","email":"a@example.com"}}"#)
                + post("/v1/data/collector", collectorBody)
                + post(ofrep + "nope", #"{"context":{"targetingKey":"u"}}"#)
                + post(ofrep + "quiet-flag", #"{"context":{"targetingKey":"u"}}"#)
            let steps = [RawHTTPClient.Step(bytes: burst, responses: 5)]
            let fastSeen = try await RawHTTPClient.exchange(port: fast.port, group: group, steps: steps)
            let slowSeen = try await RawHTTPClient.exchange(port: slow.port, group: group, steps: steps)
            #expect(fastSeen.responses[0].text == #"{"ingestedContentCount":1}"# + "\n")
            #expect(fastSeen.responses[1].text.hasPrefix(#"{"key":"email-flag","value":true"#))
            #expect(fastSeen.responses[2].text == #"{"ingestedContentCount":1}"# + "\n")
            #expect(fastSeen.responses[3].text.hasPrefix(#"{"errorCode":"FLAG_NOT_FOUND""#))
            #expect(fastSeen.responses[4].text.hasPrefix(#"{"key":"quiet-flag""#))
            #expect(fastSeen.responses.map(\.withoutDate) == slowSeen.responses.map(\.withoutDate))
            let fastEvents = await fast.events(count: 4)
            #expect(fastEvents.count == 4)
            #expect(fastEvents == (await slow.events(count: 4)))
        }
    }
}
