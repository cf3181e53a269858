// SPDX-License-Identifier: Apache-2.0

/// Counters served by `GET /_fake/stats` and zeroed by `POST /_fake/reset`.
///
/// `recordsReceived` counts the records of data-plane calls that passed the signature and validation
/// checks; each of them ends up in exactly one of `recordsAccepted`, `recordsFailed` (a per-record
/// error inside an HTTP 200) or `recordsRejected` (the whole call failed: reset, 5xx or throttle).
struct FakeStats: Sendable {
    /// Kinesis API calls received (any `X-Amz-Target`, including refused ones and resets).
    var calls = 0
    /// PutRecords calls.
    var putRecordsCalls = 0
    /// PutRecord calls.
    var putRecordCalls = 0
    /// Calls answered with an error status, or reset.
    var callsFailed = 0
    /// Calls failed, by error code (`Reset` for connection resets).
    var callErrors: [String: Int] = [:]
    /// Records that reached the record stage.
    var recordsReceived = 0
    /// Records accepted (written to the record file).
    var recordsAccepted = 0
    /// Records failed individually.
    var recordsFailed = 0
    /// Records failed individually, by error code.
    var recordErrors: [String: Int] = [:]
    /// Records of calls that failed as a whole after validation.
    var recordsRejected = 0
    /// Data bytes accepted (decoded, keys excluded).
    var bytesAccepted = 0
    /// Connections accepted.
    var connections = 0
    /// Times the listener was closed by `refuseForSeconds`.
    var refuseWindows = 0

    /// Counts a failed call.
    mutating func failCall(_ code: String) {
        callsFailed += 1
        callErrors[code, default: 0] += 1
    }

    /// Counts a failed record.
    mutating func failRecord(_ code: String) {
        recordsFailed += 1
        recordErrors[code, default: 0] += 1
    }

    /// Writes the counters as JSON members (without braces), then the extra members.
    func write(to json: inout JSONOutput) {
        let counters: [(String, Int)] = [
            ("calls", calls), ("putRecordsCalls", putRecordsCalls), ("putRecordCalls", putRecordCalls),
            ("callsFailed", callsFailed), ("recordsReceived", recordsReceived), ("recordsAccepted", recordsAccepted),
            ("recordsFailed", recordsFailed), ("recordsRejected", recordsRejected), ("bytesAccepted", bytesAccepted),
            ("connections", connections), ("refuseWindows", refuseWindows),
        ]
        for (index, (name, value)) in counters.enumerated() {
            if index > 0 { json.raw(",") }
            json.key(name)
            json.integer(value)
        }
        json.raw(",")
        json.key("callErrors")
        Self.write(callErrors, to: &json)
        json.raw(",")
        json.key("recordErrors")
        Self.write(recordErrors, to: &json)
    }

    private static func write(_ map: [String: Int], to json: inout JSONOutput) {
        json.raw("{")
        for (index, name) in map.keys.sorted().enumerated() {
            if index > 0 { json.raw(",") }
            json.string(name)
            json.raw(":")
            json.integer(map[name] ?? 0)
        }
        json.raw("}")
    }
}
