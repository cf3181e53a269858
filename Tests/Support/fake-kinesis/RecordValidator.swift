// SPDX-License-Identifier: Apache-2.0

/// A record that passed validation, with its shard.
struct ValidRecord: Sendable {
    /// The decoded data blob.
    var data: [UInt8]
    /// Size counted against the limits: data bytes plus partition key UTF-8 bytes.
    var size: Int
    /// Index of the shard the record goes to.
    var shard: Int
}

/// Checks records against Kinesis's limits and routes them to shards.
struct RecordValidator: Sendable {
    /// Most records in one PutRecords call.
    static let maxRecordsPerCall = 500
    /// Most UTF-16 code units in a partition key.
    static let maxPartitionKeyLength = 256

    /// The stream's maximum record size (data plus key), bytes.
    let maxRecordBytes: Int
    /// The maximum size of one PutRecords call (data plus keys), bytes.
    let maxRequestBytes: Int
    /// The shard layout.
    let shards: ShardMap

    /// Validates the `Records` of a PutRecords call, in order, stopping at the first error.
    func validate(records: [RawRecord]?) -> Result<[ValidRecord], KinesisError> {
        guard let records else {
            return .failure(.constraint("null", at: "records", "Member must not be null"))
        }
        guard !records.isEmpty else {
            return .failure(.constraint("'[]'", at: "records", "Member must have length greater than or equal to 1"))
        }
        guard records.count <= Self.maxRecordsPerCall else {
            return .failure(
                .constraint(
                    "'[\(records.count) records]'", at: "records",
                    "Member must have length less than or equal to \(Self.maxRecordsPerCall)")
            )
        }
        var valid: [ValidRecord] = []
        valid.reserveCapacity(records.count)
        var total = 0
        for (index, record) in records.enumerated() {
            switch validate(record: record, index: index) {
            case .success(let checked):
                total += checked.size
                valid.append(checked)
            case .failure(let error):
                return .failure(error)
            }
        }
        guard total <= maxRequestBytes else {
            let mib = maxRequestBytes / (1024 * 1024)
            return .failure(
                KinesisError(
                    code: .invalidArgument,
                    message: "Records size exceeds \(mib) MB limit (\(total) bytes of data and partition keys)")
            )
        }
        return .success(valid)
    }

    /// Validates one record: entry `index` of PutRecords (for the field names in messages, such as
    /// `records.3.member.data`), or the record of PutRecord when `index` is `nil`.
    func validate(record: RawRecord, index: Int?) -> Result<ValidRecord, KinesisError> {
        var field: String { index.map { "records.\($0 + 1).member." } ?? "" }
        guard let key = record.partitionKey else {
            return .failure(.constraint("null", at: field + "partitionKey", "Member must not be null"))
        }
        guard let data = record.data else {
            return .failure(.constraint("null", at: field + "data", "Member must not be null"))
        }
        let keyLength = Self.utf16Length(key)
        if keyLength < 1 || keyLength > Self.maxPartitionKeyLength {
            let bound =
                keyLength < 1
                ? "greater than or equal to 1" : "less than or equal to \(Self.maxPartitionKeyLength)"
            return .failure(
                .constraint(
                    "'\(String(decoding: key.prefix(300), as: UTF8.self))'", at: field + "partitionKey",
                    "Member must have length \(bound)")
            )
        }
        var hashKey: UInt128
        if let explicit = record.explicitHashKey {
            switch ShardMap.parseExplicitHashKey(explicit) {
            case nil:
                return .failure(
                    .constraint(
                        "'\(String(decoding: explicit.prefix(100), as: UTF8.self))'", at: field + "explicitHashKey",
                        "Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})")
                )
            case .failure(let error):
                return .failure(
                    KinesisError(
                        code: .invalidArgument,
                        message: "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. "
                            + "Specified value was \(error.text)")
                )
            case .success(let value):
                hashKey = value
            }
        } else {
            hashKey = MD5.hashKey(key)
        }
        let size = data.count + key.count
        guard size <= maxRecordBytes else {
            return .failure(
                KinesisError(
                    code: .invalidArgument,
                    message:
                        "Record size of \(size) bytes (data plus partition key) at '\(field.isEmpty ? "record" : String(field.dropLast()))' "
                        + "exceeds the stream's maximum record size of \(maxRecordBytes) bytes")
            )
        }
        return .success(ValidRecord(data: data, size: size, shard: shards.shardIndex(forHashKey: hashKey)))
    }

    /// Java's `String.length()`: UTF-16 code units (ASCII fast path).
    static func utf16Length(_ utf8: [UInt8]) -> Int {
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return utf8.count
        }
        return String(decoding: utf8, as: UTF8.self).utf16.count
    }
}
