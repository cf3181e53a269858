// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOHTTP1
import Synchronization

/// The Kinesis operations the fake serves.
enum KinesisOperation: String, Sendable {
    case putRecords = "PutRecords"
    case putRecord = "PutRecord"
    case listShards = "ListShards"
    case describeStreamSummary = "DescribeStreamSummary"

    /// PutRecords and PutRecord: the calls the per-call faults apply to.
    var isDataPlane: Bool {
        self == .putRecords || self == .putRecord
    }
}

extension KinesisService {
    /// The `X-Amz-Target` prefix of Kinesis.
    static let targetPrefix = "Kinesis_20131202."

    /// Answers a request that carries `X-Amz-Target`.
    func kinesisCall(target: String, request: FakeRequest) -> FakeOutcome {
        let operation =
            target.hasPrefix(Self.targetPrefix)
            ? KinesisOperation(rawValue: String(target.dropFirst(Self.targetPrefix.count))) : nil
        let (faults, accepted) = state.withLock { state in
            state.stats.calls += 1
            if operation == .putRecords { state.stats.putRecordsCalls += 1 }
            if operation == .putRecord { state.stats.putRecordCalls += 1 }
            return (state.faults, state.accepted)
        }
        let response = answer(operation, target: target, request: request, faults: faults, accepted: accepted)
        if configuration.logCalls {
            Log.error("\(target): " + (response.map { "HTTP \($0.status.code), \($0.body.count) bytes" } ?? "reset"))
        }
        return FakeOutcome(response: response, delayMs: faults.delayMs)
    }

    /// The answer, or `nil` to reset the connection.
    private func answer(
        _ operation: KinesisOperation?,
        target: String,
        request: FakeRequest,
        faults: FaultSettings,
        accepted: AcceptedCredentials
    ) -> FakeResponse? {
        if request.bodyTooLarge {
            return fail(
                KinesisError(
                    code: .requestTooLarge,
                    message: "Request body larger than \(configuration.maxBodyBytes) bytes"))
        }
        if faults.checkSignature,
            let error = verifier.verify(
                method: request.head.method.rawValue, uri: request.head.uri, headers: request.head.headers,
                body: Array(request.body.readableBytesView), accepted: accepted, serverNow: serverNow(faults))
        {
            return fail(error)
        }
        guard let operation else {
            return fail(KinesisError(code: .unknownOperation, message: "Unknown operation \(target)"))
        }
        let parsed = request.body.withUnsafeReadableBytes { RequestBody.parse($0) }
        let body: RequestBody
        switch parsed {
        case .success(let value): body = value
        case .failure(let error): return fail(error)
        }
        if let error = checkStream(body, requireReference: operation != .listShards) {
            return fail(error)
        }
        switch operation {
        case .putRecords: return putRecords(body, faults: faults)
        case .putRecord: return putRecord(body, faults: faults)
        case .listShards: return listShards()
        case .describeStreamSummary: return describeStreamSummary()
        }
    }

    /// Counts a failed call and answers its error.
    func fail(_ error: KinesisError) -> FakeResponse {
        state.withLock { $0.stats.failCall(error.code.rawValue) }
        return respond(error)
    }

    /// `nil` when the body names the configured stream (by name or ARN, or both consistently).
    func checkStream(_ body: RequestBody, requireReference: Bool) -> KinesisError? {
        if body.streamName == nil, body.streamARN == nil {
            return requireReference
                ? KinesisError(code: .validation, message: "Either StreamName or StreamARN should be provided.")
                : nil
        }
        if let arn = body.streamARN, !matchesStreamARN(arn) {
            return KinesisError(code: .resourceNotFound, message: "Stream \(arn) not found.")
        }
        if let name = body.streamName, name != configuration.streamName {
            return KinesisError(
                code: .resourceNotFound,
                message: "Stream \(name) under account \(configuration.accountID) not found.")
        }
        return nil
    }

    /// `arn:aws[-cn|-us-gov…]:kinesis:{region}:{account}:stream/{name}` of the configured stream.
    private func matchesStreamARN(_ arn: String) -> Bool {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 && parts[0] == "arn" && parts[1].hasPrefix("aws") && parts[2] == "kinesis"
            && parts[3] == configuration.region && parts[4] == configuration.accountID
            && parts[5] == "stream/\(configuration.streamName)"
    }
}
