// SPDX-License-Identifier: Apache-2.0

/// The fault injection knobs, set by flags at start and changed at runtime by `POST /_fake/faults`.
///
/// Rates are probabilities in `[0, 1]`. The per-call rates apply to PutRecords and PutRecord only,
/// after the signature and validation checks, in this order: reset, server error, throttle; then
/// each record draws its own fate (throughput exceeded, then internal failure, then the shard limits).
struct FaultSettings: Sendable, Equatable {
    /// Per record: `ProvisionedThroughputExceededException`.
    var pteRate = 0.0
    /// Per record: `InternalFailure`.
    var internalFailureRate = 0.0
    /// Per call: HTTP 500 `InternalFailure` or 503 `ServiceUnavailable` (half each).
    var serverErrorRate = 0.0
    /// Per call: HTTP 400 `ThrottlingException` or `LimitExceededException` (half each).
    var throttleRate = 0.0
    /// Per call: the connection is reset (RST) instead of answered.
    var resetRate = 0.0
    /// Added to every Kinesis answer, milliseconds.
    var delayMs = 0
    /// Records per second a shard accepts before answering `ProvisionedThroughputExceededException`; 0 = no limit.
    var shardRecordsPerSecond = 0
    /// Data-plus-key bytes per second a shard accepts; 0 = no limit.
    var shardBytesPerSecond = 0
    /// Seconds added to the server's clock (for the signature window and the `Date` header).
    var clockOffsetSeconds = 0.0
    /// Whether SigV4 is checked.
    var checkSignature = true

    /// The fields as JSON (the answer of `GET /_fake/faults`).
    func write(to json: inout JSONOutput) {
        json.byte(UInt8(ascii: "{"))
        json.key("pteRate")
        json.number(pteRate)
        json.raw(",")
        json.key("internalFailureRate")
        json.number(internalFailureRate)
        json.raw(",")
        json.key("serverErrorRate")
        json.number(serverErrorRate)
        json.raw(",")
        json.key("throttleRate")
        json.number(throttleRate)
        json.raw(",")
        json.key("resetRate")
        json.number(resetRate)
        json.raw(",")
        json.key("delayMs")
        json.integer(delayMs)
        json.raw(",")
        json.key("shardRecordsPerSecond")
        json.integer(shardRecordsPerSecond)
        json.raw(",")
        json.key("shardBytesPerSecond")
        json.integer(shardBytesPerSecond)
        json.raw(",")
        json.key("clockOffsetSeconds")
        json.number(clockOffsetSeconds)
        json.raw(",")
        json.key("checkSignature")
        json.bool(checkSignature)
        json.byte(UInt8(ascii: "}"))
    }

    /// Checks the ranges; the message names the first bad field.
    func validationError() -> String? {
        let rates: [(String, Double)] = [
            ("pteRate", pteRate), ("internalFailureRate", internalFailureRate),
            ("serverErrorRate", serverErrorRate), ("throttleRate", throttleRate), ("resetRate", resetRate),
        ]
        for (name, rate) in rates where !(0...1).contains(rate) {
            return "\(name) must be between 0 and 1, got \(rate)"
        }
        if pteRate + internalFailureRate > 1 {
            return "pteRate + internalFailureRate must not exceed 1"
        }
        for (name, value) in [
            ("delayMs", delayMs), ("shardRecordsPerSecond", shardRecordsPerSecond),
            ("shardBytesPerSecond", shardBytesPerSecond),
        ] where value < 0 {
            return "\(name) must not be negative, got \(value)"
        }
        return nil
    }
}
