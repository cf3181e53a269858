// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// The fake's behaviour, independent of the transport: routes a request to a Kinesis operation or
/// a `/_fake/` control endpoint and decides the answer, faults included. Thread-safe.
final class KinesisService: Sendable {
    /// The mutable part, under one lock.
    struct State: Sendable {
        var faults: FaultSettings
        var random: SeededRandom
        var stats = FakeStats()
        var accepted: AcceptedCredentials
        var sequence: [UInt64]
        var limiter: ShardRateLimiter
        var requests: UInt64 = 0
    }

    let configuration: ServerConfiguration
    let shards: ShardMap
    let validator: RecordValidator
    let verifier: SignatureVerifier
    let recordFile: RecordFileWriter?
    let state: Mutex<State>
    /// Per shard, the bytes of a successful PutRecords entry around the sequence counter:
    /// `{"SequenceNumber":"49000003` and `","ShardId":"shardId-000000000003"}`.
    let resultFragments: [(prefix: [UInt8], suffix: [UInt8])]
    let startedAt = Date()
    private let requestIDBase = UInt64.random(in: .min ... .max)

    /// Creates the service.
    init(
        configuration: ServerConfiguration,
        faults: FaultSettings,
        credentials: AWSCredentials,
        seed: UInt64,
        recordFile: RecordFileWriter?
    ) {
        self.configuration = configuration
        self.shards = ShardMap(count: configuration.shards)
        self.validator = RecordValidator(
            maxRecordBytes: configuration.maxRecordBytes, maxRequestBytes: configuration.maxRequestBytes,
            shards: shards)
        self.verifier = SignatureVerifier(region: configuration.region)
        self.recordFile = recordFile
        self.resultFragments = (0..<shards.count).map { shard in
            var prefix = JSONOutput()
            prefix.raw("{\"SequenceNumber\":\"49")
            prefix.paddedInteger(UInt64(shard), width: 6)
            return (prefix.bytes, Array("\",\"ShardId\":\"\(ShardMap.shardID(shard))\"}".utf8))
        }
        self.state = Mutex(
            State(
                faults: faults,
                random: SeededRandom(seed: seed),
                accepted: AcceptedCredentials(credentials: credentials, region: configuration.region),
                sequence: Array(repeating: 0, count: shards.count),
                limiter: ShardRateLimiter(shards: shards.count)
            ))
    }

    /// Counts an accepted connection.
    func connectionOpened() {
        state.withLock { $0.stats.connections += 1 }
    }

    /// Answers one request.
    func handle(_ request: FakeRequest) -> FakeOutcome {
        let uri = request.head.uri
        let path = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if path.hasPrefix("/_fake/") {
            let result = control(path: String(path), request: request)
            return FakeOutcome(response: result.response, refuseForSeconds: result.refuseForSeconds)
        }
        guard let target = request.head.headers.first(name: "x-amz-target") else {
            if request.head.method == .POST, path == "/" {
                return FakeOutcome(response: respond(KinesisError(code: .unknownOperation, message: "")))
            }
            return FakeOutcome(
                response: respond(
                    KinesisError(code: .notFound, message: "No such endpoint: \(request.head.method) \(path)")))
        }
        return kinesisCall(target: target, request: request)
    }

    /// The time of the fake's clock, seconds since 1970 (real time plus the configured offset).
    func serverNow(_ faults: FaultSettings) -> Int64 {
        Int64((Date().timeIntervalSince1970 + faults.clockOffsetSeconds).rounded(.down))
    }

    /// Headers every answer carries: `Date` (on the fake's clock) and `x-amzn-RequestId`.
    func commonHeaders(contentType: String) -> [(String, String)] {
        let (faults, number) = state.withLock { state -> (FaultSettings, UInt64) in
            state.requests += 1
            return (state.faults, state.requests)
        }
        return [
            ("Content-Type", contentType),
            ("Date", AWSTime.httpDate(serverNow(faults))),
            ("x-amzn-RequestId", Self.requestID(base: requestIDBase, number: number)),
        ]
    }

    /// A Kinesis error answer.
    func respond(_ error: KinesisError) -> FakeResponse {
        var json = JSONOutput()
        json.raw("{")
        json.key("__type")
        json.string(error.code.rawValue)
        json.raw(",")
        json.key("message")
        json.string(error.message)
        json.raw("}")
        var headers = commonHeaders(contentType: "application/x-amz-json-1.1")
        headers.append(("x-amzn-ErrorType", error.code.rawValue))
        return FakeResponse(status: error.status, headers: headers, body: json.bytes)
    }

    /// A 200 answer with a JSON body.
    func respond(json: JSONOutput, contentType: String = "application/x-amz-json-1.1") -> FakeResponse {
        FakeResponse(status: .ok, headers: commonHeaders(contentType: contentType), body: json.bytes)
    }

    private static func requestID(base: UInt64, number: UInt64) -> String {
        let low = base &+ number &* 0x9E37_79B9_7F4A_7C15
        let hex = { (value: UInt64) -> String in
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, 16 - text.count)) + text
        }
        let high = hex(base)
        let rest = hex(low)
        return "\(high.prefix(8))-\(high.dropFirst(8).prefix(4))-4\(high.dropFirst(13).prefix(3))-"
            + "\(rest.prefix(4))-\(rest.dropFirst(4))"
    }
}
