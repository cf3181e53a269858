// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Foundation
import Synchronization

/// A fault-injecting Kinesis for sender tests: it speaks the real PutRecords wire format (parses the
/// JSON body, decodes each record's base64 data, answers `{"FailedRecordCount","Records"}` or an error
/// body) and lets each test script the answer per call and per record.
final class ScriptedKinesis: HTTPTransport {
    /// What the fake answers for one call.
    enum Answer {
        /// Per-record outcome: nil stores the record, a code refuses it.
        case perRecord((String) -> String?)
        /// A whole-call error with a status and a JSON `__type`.
        case error(status: Int, type: String, message: String)
    }

    struct Call {
        var records: [String]
        var headers: [HTTPHeader]
    }

    private struct State {
        var calls: [Call] = []
        var stored: [String] = []
        var inFlight = 0
        var peakInFlight = 0
    }

    private let state = Mutex(State())
    private let script: @Sendable (_ callIndex: Int, _ records: [String]) -> Answer
    private let delay: Duration

    init(delay: Duration = .zero, script: @escaping @Sendable (_ callIndex: Int, _ records: [String]) -> Answer) {
        self.delay = delay
        self.script = script
    }

    /// The most calls that were in flight at once.
    var peakInFlight: Int { state.withLock { $0.peakInFlight } }

    var calls: [Call] { state.withLock { $0.calls } }
    var stored: [String] { state.withLock { $0.stored } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        guard
            let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
            let entries = object["Records"] as? [[String: Any]]
        else {
            return HTTPResponse(status: 400, body: Array(#"{"__type":"SerializationException","message":"bad"}"#.utf8))
        }
        let records = entries.map { entry -> String in
            let data = (entry["Data"] as? String).flatMap { Data(base64Encoded: $0) } ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
        let index = state.withLock { state -> Int in
            state.calls.append(Call(records: records, headers: request.headers))
            state.inFlight += 1
            state.peakInFlight = max(state.peakInFlight, state.inFlight)
            return state.calls.count - 1
        }
        if delay > .zero { try? await Task.sleep(for: delay) }
        defer { state.withLock { $0.inFlight -= 1 } }
        switch script(index, records) {
        case .error(let status, let type, let message):
            let body = #"{"__type":"\#(type)","message":"\#(message)"}"#
            return HTTPResponse(status: status, body: Array(body.utf8))
        case .perRecord(let outcome):
            var results: [String] = []
            var failed = 0
            for record in records {
                if let code = outcome(record) {
                    failed += 1
                    results.append(#"{"ErrorCode":"\#(code)","ErrorMessage":"injected"}"#)
                } else {
                    let sequence = state.withLock { state -> Int in
                        state.stored.append(record)
                        return state.stored.count
                    }
                    results.append(#"{"SequenceNumber":"\#(sequence)","ShardId":"shardId-000000000000"}"#)
                }
            }
            let body = #"{"FailedRecordCount":\#(failed),"Records":[\#(results.joined(separator: ","))]}"#
            return HTTPResponse(status: 200, body: Array(body.utf8))
        }
    }
}
