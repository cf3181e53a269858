// SPDX-License-Identifier: Apache-2.0

import EventSpool

/// Which stream a PutRecords call targets.
public enum KinesisStreamTarget: Sendable, Equatable {
    /// `StreamARN` (preferred by AWS; wins when both are configured).
    case arn(String)
    /// `StreamName`.
    case name(String)
}

/// Encodes the AWS JSON 1.1 body of `Kinesis_20131202.PutRecords`.
///
/// The body is built in one pass into a pre-sized byte buffer: the record data is base64-encoded
/// straight from the bytes the collector produced.
public enum PutRecordsRequestBody {
    /// Returns the body bytes for `records` sent to `target`.
    /// - Parameters:
    ///   - target: the stream, by ARN or by name.
    ///   - records: the records, in the order their results will come back.
    ///   - explicitHashKey: an optional explicit hash key applied to every record.
    public static func encode(
        target: KinesisStreamTarget, records: [ExportRecord], explicitHashKey: String? = nil
    ) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(estimatedSize(records))
        switch target {
        case .arn(let arn):
            body.append(contentsOf: Array("{\"StreamARN\":".utf8))
            JSONText.appendString(arn, to: &body)
        case .name(let name):
            body.append(contentsOf: Array("{\"StreamName\":".utf8))
            JSONText.appendString(name, to: &body)
        }
        body.append(contentsOf: Array(",\"Records\":[".utf8))
        for (index, record) in records.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(contentsOf: Array("{\"Data\":\"".utf8))
            Base64.append(record.data, to: &body)
            body.append(contentsOf: Array("\",\"PartitionKey\":".utf8))
            JSONText.appendString(record.partitionKey, to: &body)
            if let explicitHashKey {
                body.append(contentsOf: Array(",\"ExplicitHashKey\":".utf8))
                JSONText.appendString(explicitHashKey, to: &body)
            }
            body.append(UInt8(ascii: "}"))
        }
        body.append(contentsOf: Array("]}".utf8))
        return body
    }

    private static func estimatedSize(_ records: [ExportRecord]) -> Int {
        records.reduce(128) { $0 + Base64.encodedLength($1.data.count) + $1.partitionKey.utf8.count + 64 }
    }
}
