// SPDX-License-Identifier: Apache-2.0

import EventSpool
import Testing

@testable import KinesisExporter

@Test(arguments: [
    ("ProvisionedThroughputExceededException", 400, "", KinesisErrorClass.throttle),
    ("ThrottlingException", 400, "", .throttle),
    ("KMSThrottlingException", 400, "", .throttle),
    ("InternalFailure", 500, "", .transient),
    ("HTTP502", 502, "", .transient),
    ("Transport.connectFailed", 0, "", .transient),
    ("SomethingNew", 429, "", .throttle),
    ("InvalidSignatureException", 400, "Signature expired: 20150830T123600Z is now earlier than …", .clockSkew),
    ("InvalidSignatureException", 400, "Signature not yet current: …", .clockSkew),
    ("InvalidSignatureException", 400, "The request signature we calculated does not match", .credentials),
    ("ExpiredTokenException", 400, "", .credentials),
    ("UnrecognizedClientException", 400, "", .credentials),
    ("SignatureDoesNotMatch", 403, "", .credentials),
    ("ResourceNotFoundException", 400, "", .configuration),
    ("AccessDeniedException", 400, "", .configuration),
    ("AccessDenied", 403, "", .configuration),
    ("KMSAccessDeniedException", 400, "", .configuration),
    ("ValidationException", 400, "", .invalidRequest),
    ("InvalidArgumentException", 400, "", .invalidRequest),
])
func classifiesErrors(code: String, status: Int, message: String, expected: KinesisErrorClass) {
    #expect(KinesisErrorClass.classify(code: code, status: status, message: message) == expected)
}

@Test func backoffDoublesUpToTheCap() {
    let backoff = Backoff(base: .milliseconds(100), cap: .seconds(20))
    #expect(backoff.ceiling(attempt: 1) == .milliseconds(100))
    #expect(backoff.ceiling(attempt: 2) == .milliseconds(200))
    #expect(backoff.ceiling(attempt: 8) == .milliseconds(12_800))
    #expect(backoff.ceiling(attempt: 9) == .seconds(20))
    #expect(backoff.ceiling(attempt: 1_000) == .seconds(20))
}

@Test func backoffIsFullJitter() {
    let backoff = Backoff()
    #expect(backoff.delay(attempt: 3, unit: 0) == .zero)
    #expect(backoff.delay(attempt: 3, unit: 1) == .milliseconds(400))
    #expect(backoff.delay(attempt: 3, unit: 0.5) == .milliseconds(200))
    #expect(backoff.delay(attempt: 3, unit: 7) == .milliseconds(400))
}

private func pending(
    _ sequence: UInt64, size: Int = 10, dueIn: Duration, from origin: ContinuousClock.Instant
)
    -> PendingRecord
{
    PendingRecord(
        logged: LoggedRecord(
            sequence: sequence,
            record: ExportRecord(data: Array(repeating: 0x61, count: size - 1), partitionKey: "k", eventKey: "f")),
        attempts: 1, notBefore: origin + dueIn, lastError: "InternalFailure")
}

@Test func retryQueueReturnsOnlyDueRecordsOldestFirstWithinLimits() {
    let origin = ContinuousClock.now
    var queue = RetryQueue()
    queue.add([
        pending(5, dueIn: .seconds(1), from: origin), pending(2, dueIn: .zero, from: origin),
        pending(9, dueIn: .zero, from: origin), pending(3, dueIn: .zero, from: origin),
    ])
    #expect(queue.earliestDue == origin)
    let first = queue.takeDue(now: origin, maxRecords: 2, maxBytes: 1_000)
    #expect(first.map(\.logged.sequence) == [2, 3])
    let second = queue.takeDue(now: origin, maxRecords: 10, maxBytes: 1_000)
    #expect(second.map(\.logged.sequence) == [9])
    #expect(queue.sequences == [5])
    #expect(queue.takeDue(now: origin, maxRecords: 10, maxBytes: 1_000).isEmpty)
    #expect(queue.takeDue(now: origin + .seconds(1), maxRecords: 10, maxBytes: 5).isEmpty)
    #expect(queue.takeDue(now: origin + .seconds(1), maxRecords: 10, maxBytes: 10).map(\.logged.sequence) == [5])
    #expect(queue.isEmpty)
}

@Test func retryQueueKeepsSequenceOrderWhateverOrderRecordsAreAddedIn() {
    let origin = ContinuousClock.now
    var queue = RetryQueue()
    queue.add([])
    #expect(queue.isEmpty)
    queue.add([10, 11, 12].map { pending($0, dueIn: .zero, from: origin) })  // in order, after nothing
    queue.add([20, 21].map { pending($0, dueIn: .zero, from: origin) })  // in order, after the last
    queue.add([])
    #expect(queue.sequences == [10, 11, 12, 20, 21])
    queue.add([15, 5].map { pending($0, dueIn: .zero, from: origin) })  // out of order
    #expect(queue.sequences == [5, 10, 11, 12, 15, 20, 21])
    queue.add([1, 2].map { pending($0, dueIn: .zero, from: origin) })  // in order, but before the others
    #expect(queue.sequences == [1, 2, 5, 10, 11, 12, 15, 20, 21])
}
