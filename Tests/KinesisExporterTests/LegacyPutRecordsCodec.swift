// SPDX-License-Identifier: Apache-2.0

import EventSpool
import Foundation

@testable import KinesisExporter

/// The PutRecords body encoder and answer parser as they were before the allocation-free rewrite
/// (byte-by-byte appends, Foundation's JSONSerialization), kept as the oracle the new code must match.
enum LegacyPutRecordsCodec {
    static func body(target: KinesisStreamTarget, records: [ExportRecord], explicitHashKey: String?) -> [UInt8] {
        var body: [UInt8] = []
        switch target {
        case .arn(let arn):
            body += Array("{\"StreamARN\":".utf8)
            appendString(arn, to: &body)
        case .name(let name):
            body += Array("{\"StreamName\":".utf8)
            appendString(name, to: &body)
        }
        body += Array(",\"Records\":[".utf8)
        for (index, record) in records.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body += Array("{\"Data\":\"".utf8)
            body += Array(Data(record.data).base64EncodedString().utf8)
            body += Array("\",\"PartitionKey\":".utf8)
            appendString(record.partitionKey, to: &body)
            if let explicitHashKey {
                body += Array(",\"ExplicitHashKey\":".utf8)
                appendString(explicitHashKey, to: &body)
            }
            body.append(UInt8(ascii: "}"))
        }
        body += Array("]}".utf8)
        return body
    }

    private static func appendString(_ value: String, to output: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0..<0x20: output += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The entries JSONSerialization finds, or `nil` where the old parser answered MalformedResponse.
    static func entries(_ body: [UInt8]) -> [PutRecordsResult.Entry]? {
        guard
            let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let records = object["Records"] as? [[String: Any]]
        else { return nil }
        return records.map { entry -> PutRecordsResult.Entry in
            if let code = entry["ErrorCode"] as? String, !code.isEmpty {
                return .failed(code: code, message: entry["ErrorMessage"] as? String ?? "")
            }
            if let sequence = entry["SequenceNumber"] as? String {
                return .stored(shardID: entry["ShardId"] as? String ?? "", sequenceNumber: sequence)
            }
            return .failed(code: "MalformedResponse", message: "result entry has neither SequenceNumber nor ErrorCode")
        }
    }
}
