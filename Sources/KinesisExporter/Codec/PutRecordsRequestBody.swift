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
/// The exact body size is computed first; the body is then written in one pass through a pointer into an
/// array of that capacity: the record data is base64-encoded straight from the bytes the collector
/// produced, the constant fragments are literals, and nothing is allocated per record.
public enum PutRecordsRequestBody {
    /// Returns the body bytes for `records` sent to `target`.
    /// - Parameters:
    ///   - target: the stream, by ARN or by name.
    ///   - records: the records, in the order their results will come back.
    ///   - explicitHashKey: an optional explicit hash key applied to every record.
    public static func encode(
        target: KinesisStreamTarget, records: [ExportRecord], explicitHashKey: String? = nil
    ) -> [UInt8] {
        let hashKeyBytes = explicitHashKey.map { JSONText.encodedLength($0) + explicitHashKeyField.utf8CodeUnitCount }
        let size = encodedSize(target: target, records: records, hashKeyBytes: hashKeyBytes ?? 0)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var writer = ByteWriter(buffer)
            switch target {
            case .arn(let arn):
                writer.write(streamARNField)
                writer.writeJSONString(arn)
            case .name(let name):
                writer.write(streamNameField)
                writer.writeJSONString(name)
            }
            writer.write(recordsField)
            for index in records.indices {
                if index > 0 { writer.write(UInt8(ascii: ",")) }
                writer.write(dataField)
                records[index].data.withUnsafeBufferPointer { writer.writeBase64($0) }
                writer.write(partitionKeyField)
                writer.writeJSONString(records[index].partitionKey)
                if let explicitHashKey {
                    writer.write(explicitHashKeyField)
                    writer.writeJSONString(explicitHashKey)
                }
                writer.write(UInt8(ascii: "}"))
            }
            writer.write(closing)
            initialized = writer.count
        }
    }

    private static let streamARNField: StaticString = #"{"StreamARN":"#
    private static let streamNameField: StaticString = #"{"StreamName":"#
    private static let recordsField: StaticString = #","Records":["#
    private static let dataField: StaticString = #"{"Data":""#
    private static let partitionKeyField: StaticString = #"","PartitionKey":"#
    private static let explicitHashKeyField: StaticString = #","ExplicitHashKey":"#
    private static let closing: StaticString = "]}"

    /// The exact number of bytes ``encode(target:records:explicitHashKey:)`` writes.
    static func encodedSize(target: KinesisStreamTarget, records: [ExportRecord], hashKeyBytes: Int) -> Int {
        var size: Int
        switch target {
        case .arn(let arn): size = streamARNField.utf8CodeUnitCount + JSONText.encodedLength(arn)
        case .name(let name): size = streamNameField.utf8CodeUnitCount + JSONText.encodedLength(name)
        }
        size += recordsField.utf8CodeUnitCount + closing.utf8CodeUnitCount + max(0, records.count - 1)
        let perRecord = dataField.utf8CodeUnitCount + partitionKeyField.utf8CodeUnitCount + 1 + hashKeyBytes
        for record in records {
            size += perRecord + Base64.encodedLength(record.data.count) + JSONText.encodedLength(record.partitionKey)
        }
        return size
    }
}
