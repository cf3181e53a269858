// SPDX-License-Identifier: Apache-2.0

/// One record as sent, before validation: each field `nil` when absent (or JSON `null`).
struct RawRecord: Sendable {
    /// The decoded `Data` blob.
    var data: [UInt8]?
    /// `PartitionKey`, UTF-8.
    var partitionKey: [UInt8]?
    /// `ExplicitHashKey` as written.
    var explicitHashKey: [UInt8]?
}

/// The fields of a Kinesis request body that the fake reads; any other field is skipped.
///
/// One parser serves every operation: PutRecords fills ``records``; PutRecord fills ``single``.
struct RequestBody: Sendable {
    /// `StreamName`.
    var streamName: String?
    /// `StreamARN`.
    var streamARN: String?
    /// `Records` (PutRecords); `nil` when absent or `null`.
    var records: [RawRecord]?
    /// `Data`, `PartitionKey`, `ExplicitHashKey` at the top level (PutRecord).
    var single = RawRecord()

    private enum Field {
        case streamName, streamARN, records, data, partitionKey, explicitHashKey, other

        init(_ key: UnsafeRawBufferPointer) {
            switch key.count {
            case 4 where key.elementsEqual("Data".utf8): self = .data
            case 7 where key.elementsEqual("Records".utf8): self = .records
            case 9 where key.elementsEqual("StreamARN".utf8): self = .streamARN
            case 10 where key.elementsEqual("StreamName".utf8): self = .streamName
            case 12 where key.elementsEqual("PartitionKey".utf8): self = .partitionKey
            case 15 where key.elementsEqual("ExplicitHashKey".utf8): self = .explicitHashKey
            default: self = .other
            }
        }
    }

    /// Parses a request body. An empty body counts as `{}`, as the AWS JSON protocol allows.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Result<RequestBody, KinesisError> {
        var scanner = JSONScanner(bytes)
        var body = RequestBody()
        if scanner.peek() == nil {
            return .success(body)
        }
        do throws(JSONScanError) {
            try scanner.beginObject()
            var first = true
            while let field = try scanner.nextKey(first: first, Field.init) {
                first = false
                if scanner.consumeNull() { continue }
                switch field {
                case .streamName: body.streamName = try scanner.withString { String(decoding: $0, as: UTF8.self) }
                case .streamARN: body.streamARN = try scanner.withString { String(decoding: $0, as: UTF8.self) }
                case .records: body.records = try parseRecords(&scanner)
                case .data, .partitionKey, .explicitHashKey:
                    try parseRecordField(field, of: &body.single, scanner: &scanner)
                case .other: try scanner.skipValue()
                }
            }
            try scanner.expectEnd()
            return .success(body)
        } catch {
            return .failure(KinesisError(code: .serialization, message: "\(error.message) at offset \(error.offset)"))
        }
    }

    private static func parseRecords(_ scanner: inout JSONScanner) throws(JSONScanError) -> [RawRecord] {
        var records: [RawRecord] = []
        records.reserveCapacity(500)
        try scanner.beginArray()
        var firstRecord = true
        while try scanner.hasNextElement(first: firstRecord) {
            firstRecord = false
            var record = RawRecord()
            if !scanner.consumeNull() {
                try scanner.beginObject()
                var firstField = true
                while let field = try scanner.nextKey(first: firstField, Field.init) {
                    firstField = false
                    if scanner.consumeNull() { continue }
                    try parseRecordField(field, of: &record, scanner: &scanner)
                }
            }
            records.append(record)
        }
        return records
    }

    private static func parseRecordField(
        _ field: Field,
        of record: inout RawRecord,
        scanner: inout JSONScanner
    ) throws(JSONScanError) {
        switch field {
        case .data:
            guard let data = try scanner.withString(Base64.decode) else {
                throw JSONScanError(message: "Data is not valid base64", offset: scanner.position)
            }
            record.data = data
        case .partitionKey:
            record.partitionKey = try scanner.withString { Array($0) }
        case .explicitHashKey:
            record.explicitHashKey = try scanner.withString { Array($0) }
        default:
            try scanner.skipValue()
        }
    }
}
