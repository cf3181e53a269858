// SPDX-License-Identifier: Apache-2.0
import NIOCore
import Synchronization

/// What the faults decided for a data call.
enum CallDecision: Sendable {
    /// Each record's fate, in order.
    case records([RecordResult])
    /// The whole call fails with this error.
    case failed(KinesisError)
    /// The connection is reset.
    case reset
}

/// The fate of one record.
enum RecordResult: Sendable {
    /// Accepted on `shard` with this per-shard counter value.
    case accepted(shard: Int, sequence: UInt64)
    /// Failed with `ProvisionedThroughputExceededException` on `shard`.
    case throughputExceeded(shard: Int)
    /// Failed with `InternalFailure`.
    case internalFailure
}

extension KinesisService {
    /// PutRecords: validation, then the per-call faults, then each record's fate; `nil` to reset.
    func putRecords(_ body: RequestBody, faults: FaultSettings) -> FakeResponse? {
        let records: [ValidRecord]
        switch validator.validate(records: body.records) {
        case .success(let valid): records = valid
        case .failure(let error): return fail(error)
        }
        let results: [RecordResult]
        switch decide(records, faults: faults) {
        case .records(let decided): results = decided
        case .failed(let error): return respond(error)
        case .reset: return nil
        }
        let failed = results.count { if case .accepted = $0 { false } else { true } }
        var json = JSONOutput(capacity: 64 + records.count * 100)
        json.raw("{\"FailedRecordCount\":")
        json.integer(failed)
        json.raw(",\"Records\":[")
        var accepted: [[UInt8]] = []
        accepted.reserveCapacity(records.count - failed)
        for (index, result) in results.enumerated() {
            if index > 0 { json.byte(UInt8(ascii: ",")) }
            writeResult(result, to: &json)
            if case .accepted = result {
                accepted.append(records[index].data)
            }
        }
        json.raw("],\"EncryptionType\":\"NONE\"}")
        recordFile?.append(accepted)
        return respond(json: json)
    }

    /// PutRecord: like one PutRecords entry, but a failed record fails the call (400 throughput
    /// exceeded, 500 internal failure); `nil` to reset.
    func putRecord(_ body: RequestBody, faults: FaultSettings) -> FakeResponse? {
        let record: ValidRecord
        switch validator.validate(record: body.single, index: nil) {
        case .success(let valid): record = valid
        case .failure(let error): return fail(error)
        }
        switch decide([record], faults: faults) {
        case .reset:
            return nil
        case .failed(let error):
            return respond(error)
        case .records(let results):
            switch results.first {
            case .accepted(let shard, let sequence):
                recordFile?.append([record.data])
                var json = JSONOutput()
                json.raw("{\"ShardId\":")
                json.string(ShardMap.shardID(shard))
                json.raw(",\"SequenceNumber\":")
                writeSequenceNumber(shard: shard, sequence: sequence, to: &json)
                json.raw(",\"EncryptionType\":\"NONE\"}")
                return respond(json: json)
            case .throughputExceeded(let shard):
                return fail(KinesisError(code: .provisionedThroughputExceeded, message: throughputMessage(shard)))
            case .internalFailure, nil:
                return fail(KinesisError(code: .internalFailure, message: "Internal service failure."))
            }
        }
    }

    /// Draws the per-call faults (reset, server error, throttle) and each record's fate under the
    /// lock, and counts them.
    private func decide(_ records: [ValidRecord], faults: FaultSettings) -> CallDecision {
        let now = NIODeadline.now().uptimeNanoseconds
        return state.withLock { state in
            state.stats.recordsReceived += records.count
            if state.random.chance(faults.resetRate) {
                state.stats.recordsRejected += records.count
                state.stats.failCall("Reset")
                return .reset
            }
            if let error = Self.callFault(&state.random, faults) {
                state.stats.recordsRejected += records.count
                state.stats.failCall(error.code.rawValue)
                return .failed(error)
            }
            let recordFaultRate = faults.pteRate + faults.internalFailureRate
            var results: [RecordResult] = []
            results.reserveCapacity(records.count)
            for record in records {
                let draw = recordFaultRate > 0 ? state.random.unit() : 1
                let result: RecordResult
                if draw < faults.pteRate {
                    result = .throughputExceeded(shard: record.shard)
                } else if draw < recordFaultRate {
                    result = .internalFailure
                } else if !state.limiter.admit(
                    shard: record.shard, size: record.size, now: now,
                    recordsPerSecond: faults.shardRecordsPerSecond, bytesPerSecond: faults.shardBytesPerSecond)
                {
                    result = .throughputExceeded(shard: record.shard)
                } else {
                    state.sequence[record.shard] += 1
                    result = .accepted(shard: record.shard, sequence: state.sequence[record.shard])
                }
                switch result {
                case .accepted:
                    state.stats.recordsAccepted += 1
                    state.stats.bytesAccepted += record.data.count
                case .throughputExceeded:
                    state.stats.failRecord(KinesisError.Code.provisionedThroughputExceeded.rawValue)
                case .internalFailure:
                    state.stats.failRecord(KinesisError.Code.internalFailure.rawValue)
                }
                results.append(result)
            }
            return .records(results)
        }
    }

    /// The whole-call fault of this call, if one is drawn: 500/503, then 400 throttling.
    private static func callFault(_ random: inout SeededRandom, _ faults: FaultSettings) -> KinesisError? {
        if random.chance(faults.serverErrorRate) {
            return random.next() & 1 == 0
                ? KinesisError(code: .internalFailure, message: "Internal service failure.")
                : KinesisError(code: .serviceUnavailable, message: "Service Unavailable")
        }
        if random.chance(faults.throttleRate) {
            return random.next() & 1 == 0
                ? KinesisError(code: .throttling, message: "Rate exceeded")
                : KinesisError(code: .limitExceeded, message: "Rate exceeded for stream (injected)")
        }
        return nil
    }

    private func writeResult(_ result: RecordResult, to json: inout JSONOutput) {
        switch result {
        case .accepted(let shard, let sequence):
            json.append(resultFragments[shard].prefix)
            json.paddedInteger(sequence, width: 48)
            json.append(resultFragments[shard].suffix)
        case .throughputExceeded(let shard):
            json.raw("{\"ErrorCode\":\"ProvisionedThroughputExceededException\",\"ErrorMessage\":")
            json.string(throughputMessage(shard))
            json.raw("}")
        case .internalFailure:
            json.raw("{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"Internal service failure.\"}")
        }
    }

    private func throughputMessage(_ shard: Int) -> String {
        "Rate exceeded for shard \(ShardMap.shardID(shard)) in stream \(configuration.streamName) "
            + "under account \(configuration.accountID)."
    }

    /// A 56-digit sequence number: `49`, the shard index on 6 digits, the shard's counter on 48.
    func writeSequenceNumber(shard: Int, sequence: UInt64, to json: inout JSONOutput) {
        json.raw("\"49")
        json.paddedInteger(UInt64(shard), width: 6)
        json.paddedInteger(sequence, width: 48)
        json.raw("\"")
    }
}
