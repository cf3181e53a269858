// SPDX-License-Identifier: Apache-2.0

import AWSAuth
import CurlTransport
import EventSpool
import Foundation
import Logging
import Synchronization
import Testing

@testable import KinesisExporter

private final class MemoryDeadLetters: DeadLetterSink {
    private let stored = Mutex<[String]>([])
    var records: [String] { stored.withLock { $0 } }

    func store(_ record: ExportRecord, reason: String) -> Bool {
        stored.withLock { $0.append(String(decoding: record.data, as: UTF8.self)) }
        return true
    }
}

private struct Harness {
    let log: MemoryEventLog
    let kinesis: ScriptedKinesis
    let deadLetters = MemoryDeadLetters()
    let sender: KinesisSender

    init(
        maxBatchRecords: Int = 500, maxRecordBytes: Int = 1_048_576, maxConcurrentCalls: Int = 4,
        delay: Duration = .zero,
        script: @escaping @Sendable (Int, [String]) -> ScriptedKinesis.Answer
    ) {
        log = MemoryEventLog(capacityBytes: 10_000_000)
        kinesis = ScriptedKinesis(delay: delay, script: script)
        let client = PutRecordsClient(
            settings: .init(
                url: "https://kinesis.us-east-1.amazonaws.com/", signingRegion: "us-east-1", target: .name("s")),
            transport: kinesis,
            credentials: StaticCredentialProvider(
                AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret")))
        sender = KinesisSender(
            configuration: KinesisSenderConfiguration(
                maxBatchRecords: maxBatchRecords, maxRecordBytes: maxRecordBytes,
                backoff: Backoff(base: .milliseconds(1), cap: .milliseconds(4)), parkInterval: .milliseconds(5),
                drainTimeout: .seconds(20), maxConcurrentCalls: maxConcurrentCalls),
            log: log, client: client, deadLetters: deadLetters, logger: Logger(label: "test"), random: { 1 })
    }

    func append(_ texts: [String]) async throws {
        try await log.append(texts.map { ExportRecord(data: Array($0.utf8), partitionKey: "default", eventKey: "f") })
    }

    /// Closes the log and runs the sender until it has sent everything.
    func drain() async {
        sender.beginDrain()
        try? await sender.run()
    }
}

private func events(_ count: Int) -> [String] { (0..<count).map { "e\($0)" } }

@Test func deliversEveryRecordOnceInFullBatches() async throws {
    let harness = Harness(maxBatchRecords: 100, maxConcurrentCalls: 1) { _, _ in .perRecord { _ in nil } }
    try await harness.append(events(250))
    await harness.drain()
    #expect(harness.kinesis.stored == events(250))
    #expect(harness.kinesis.calls.map(\.records.count) == [100, 100, 50])
    #expect(await harness.log.statistics().pendingRecords == 0)
    #expect(harness.sender.status.recordsSent == 250)
}

@Test func resendsOnlyTheRefusedRecords() async throws {
    let harness = Harness { call, _ in
        .perRecord { record in
            guard call == 0, let number = Int(record.dropFirst()), number % 3 == 0 else { return nil }
            return number % 2 == 0 ? "ProvisionedThroughputExceededException" : "InternalFailure"
        }
    }
    try await harness.append(events(30))
    await harness.drain()
    let calls = harness.kinesis.calls
    #expect(calls.count == 2)
    #expect(calls[1].records == events(30).enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
    #expect(Set(harness.kinesis.stored) == Set(events(30)))
    #expect(harness.kinesis.stored.count == 30, "no duplicates")
    #expect(harness.sender.status.recordFailures == 10)
}

@Test func retriesAWholeCallFailureWithTheSameRecordsReSigned() async throws {
    let harness = Harness { call, _ in
        call < 2 ? .error(status: 500, type: "InternalFailure", message: "boom") : .perRecord { _ in nil }
    }
    try await harness.append(events(3))
    await harness.drain()
    let calls = harness.kinesis.calls
    #expect(calls.count == 3)
    #expect(calls.allSatisfy { $0.records == events(3) })
    #expect(harness.kinesis.stored == events(3))
    let authorizations = calls.compactMap { $0.headers.first { $0.name == "Authorization" }?.value }
    #expect(authorizations.count == 3)
    #expect(harness.sender.status.callFailures == 2)
}

@Test func keepsDataThroughConfigurationErrorsUntilTheyAreFixed() async throws {
    let harness = Harness { call, _ in
        call < 3
            ? .error(status: 400, type: "ResourceNotFoundException", message: "no stream") : .perRecord { _ in nil }
    }
    try await harness.append(events(5))
    let running = Task { try await harness.sender.run() }
    for _ in 0..<500 where harness.kinesis.stored.count < 5 {
        try await Task.sleep(for: .milliseconds(10))
    }
    harness.sender.beginDrain()
    try await running.value
    #expect(harness.kinesis.stored == events(5))
    #expect(harness.kinesis.calls.count == 4)
}

@Test func stopsAtOnceWhenDrainingAndTheEndpointNeedsAnOperator() async throws {
    let harness = Harness { _, _ in .error(status: 400, type: "AccessDeniedException", message: "denied") }
    try await harness.append(events(2))
    let started = ContinuousClock.now
    await harness.drain()
    #expect(ContinuousClock.now - started < .seconds(10), "does not wait out the drain timeout")
    #expect(harness.kinesis.calls.count == 1)
    #expect(await harness.log.statistics().pendingRecords == 2, "nothing acknowledged")
}

@Test func isolatesAnInvalidRecordByHalvingAndDeadLettersIt() async throws {
    let harness = Harness { _, records in
        records.contains("poison")
            ? .error(status: 400, type: "ValidationException", message: "1 validation error")
            : .perRecord { _ in nil }
    }
    var input = events(7)
    input.insert("poison", at: 5)
    try await harness.append(input)
    await harness.drain()
    #expect(harness.deadLetters.records == ["poison"])
    #expect(harness.kinesis.stored.sorted() == events(7).sorted())
    #expect(await harness.log.statistics().pendingRecords == 0)
}

@Test func deadLettersOversizedRecordsWithoutSendingThem() async throws {
    let harness = Harness(maxRecordBytes: 20) { _, _ in .perRecord { _ in nil } }
    let big = String(repeating: "x", count: 30)
    try await harness.append(["a", big, "b"])
    await harness.drain()
    #expect(harness.deadLetters.records == [big])
    #expect(harness.kinesis.stored == ["a", "b"])
    #expect(harness.kinesis.calls.allSatisfy { !$0.records.contains(big) })
}

@Test func signsEveryCallForKinesis() async throws {
    let harness = Harness { _, _ in .perRecord { _ in nil } }
    try await harness.append(["a"])
    await harness.drain()
    let headers = try #require(harness.kinesis.calls.first?.headers)
    let names = Set(headers.map { $0.name.lowercased() })
    #expect(names.isSuperset(of: ["authorization", "x-amz-date", "x-amz-target", "content-type"]))
    let authorization = try #require(headers.first { $0.name.lowercased() == "authorization" }?.value)
    #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"))
    #expect(authorization.contains("/us-east-1/kinesis/aws4_request"))
}

@Test func keepsUpToMaxConcurrentCallsInFlightAndDeliversEachRecordOnce() async throws {
    let harness = Harness(maxBatchRecords: 10, maxConcurrentCalls: 3, delay: .milliseconds(20)) { call, _ in
        .perRecord { record in call % 2 == 0 && record.hasSuffix("7") ? "InternalFailure" : nil }
    }
    try await harness.append(events(200))
    await harness.drain()
    #expect(harness.kinesis.peakInFlight == 3)
    #expect(harness.kinesis.stored.count == 200)
    #expect(Set(harness.kinesis.stored) == Set(events(200)))
    #expect(await harness.log.statistics().pendingRecords == 0)
}
