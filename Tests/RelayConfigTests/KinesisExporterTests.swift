// SPDX-License-Identifier: Apache-2.0

import RelayConfig
import Testing

@Suite struct KinesisExporterTests {
    /// A single exporter with `body` appended after `kind: kinesis` (two-space indented lines).
    private func exporter(_ body: String) -> String {
        "exporter:\n  kind: kinesis\n" + body
    }

    @Test func everyKinesisKeyIsRead() throws {
        let kinesis = try onlyKinesis(
            try loadConfig(
                exporter(
                    """
                      streamArn: arn:aws:kinesis:eu-west-1:123456789012:stream/goff
                      eventType: tracking
                      partitionKey: user
                      explicitHashKey: "42"
                      maxBatchBytes: 10485760
                      maxBatchRecords: 100
                      maxRecordBytes: 2097152
                      requestTimeout: 3000
                      connectTimeout: 1000

                    """)))
        #expect(kinesis.streamARN == "arn:aws:kinesis:eu-west-1:123456789012:stream/goff")
        #expect(kinesis.eventType == .tracking)
        #expect(kinesis.partitionKey == "user")
        #expect(kinesis.explicitHashKey == "42")
        #expect(kinesis.maxBatchBytes == 10_485_760)
        #expect(kinesis.maxBatchRecords == 100)
        #expect(kinesis.maxRecordBytes == 2_097_152)
        #expect(kinesis.requestTimeout == .milliseconds(3000))
        #expect(kinesis.connectTimeout == .milliseconds(1000))
        let arn = try #require(kinesis.parsedStreamARN)
        #expect(
            arn
                == KinesisStreamARN(
                    partition: "aws", region: "eu-west-1", accountID: "123456789012", streamName: "goff"))
    }

    @Test func missingStreamUsesGOFFMessage() throws {
        let error = try #require(loadError("exporter:\n  kind: kinesis\n"))
        #expect(
            error.errors.map(\.message) == [
                "invalid exporter: no \"streamArn\" or \"streamName\" property found for kind \"kinesis\""
            ])
        #expect(error.errors.first?.keyPath == "exporter")
        #expect(error.errors.first?.line == 2)
    }

    @Test func arnWinsOverNameWithAWarning() throws {
        let config = try loadConfig(
            exporter("  streamName: other\n  streamArn: arn:aws:kinesis:us-east-1:123456789012:stream/goff\n"))
        let kinesis = try onlyKinesis(config)
        #expect(kinesis.streamARN == "arn:aws:kinesis:us-east-1:123456789012:stream/goff")
        #expect(config.warnings.contains { $0.keyPath == "exporter.streamName" && $0.message.contains("streamArn") })
    }

    @Test(arguments: [
        ("arn:aws:sqs:us-east-1:123456789012:stream/goff", "service must be \"kinesis\""),
        ("arn:aws:kinesis:us-east-1:12345:stream/goff", "account id \"12345\" must be 12 digits"),
        ("arn:aws:kinesis:useast:123456789012:stream/goff", "region \"useast\""),
        ("arn:gcp:kinesis:us-east-1:123456789012:stream/goff", "partition \"gcp\""),
        ("arn:aws:kinesis:us-east-1:123456789012:table/goff", "resource must be \"stream/<name>\""),
        ("arn:aws:kinesis:us-east-1:123456789012:stream/go ff", "stream name \"go ff\""),
        ("urn:aws:kinesis:us-east-1:123456789012:stream/goff", "must start with \"arn:\""),
        ("arn:aws:kinesis:us-east-1", "has 4 ':'-separated parts"),
    ])
    func badARNPartIsNamed(arn: String, expected: String) throws {
        let error = try #require(loadError(exporter("  streamArn: \"\(arn)\"\n")))
        #expect(error.errors.count == 1)
        #expect(error.errors.first?.keyPath == "exporter.streamArn")
        #expect(error.errors.first?.message.contains(expected) == true, "\(error)")
    }

    @Test func everyBadARNPartIsReported() throws {
        let error = try #require(loadError(exporter("  streamArn: arn:aws:s3:moon:42:bucket/x\n")))
        #expect(error.errors.count == 4)
    }

    @Test(arguments: ["aws-cn", "aws-us-gov", "aws-iso-b"])
    func otherPartitionsAreAccepted(partition: String) throws {
        let region = partition == "aws-cn" ? "cn-north-1" : "us-gov-west-1"
        let config = try loadConfig(exporter("  streamArn: arn:\(partition):kinesis:\(region):123456789012:stream/s\n"))
        #expect(try onlyKinesis(config).parsedStreamARN?.partition == partition)
    }

    @Test func streamNameRules() throws {
        #expect(try onlyKinesis(try loadConfig(exporter("  streamName: a_b.c-D9\n"))).streamName == "a_b.c-D9")
        let long = String(repeating: "x", count: 129)
        #expect(loadError(exporter("  streamName: \(long)\n"))?.errors.first?.keyPath == "exporter.streamName")
        #expect(loadError(exporter("  streamName: \"a/b\"\n"))?.errors.count == 1)
        #expect(loadError(exporter("  streamName: \"\"\n"))?.errors.first?.message.contains("is empty") == true)
    }

    @Test func partitionKeyLengthBounds() throws {
        let max = String(repeating: "é", count: 256)
        #expect(
            try onlyKinesis(try loadConfig(exporter("  streamName: s\n  partitionKey: \(max)\n"))).partitionKey == max)
        let error = try #require(loadError(exporter("  streamName: s\n  partitionKey: \(max)x\n")))
        #expect(error.errors.first?.keyPath == "exporter.partitionKey")
        #expect(error.errors.first?.message == "must be 1 to 256 characters, found 257")
        #expect(loadError(exporter("  streamName: s\n  partitionKey: \"\"\n"))?.errors.count == 1)
    }

    @Test(arguments: ["0", "1", "340282366920938463463374607431768211455", "170141183460469231731687303715884105728"])
    func validExplicitHashKeys(key: String) throws {
        let config = try loadConfig(exporter("  streamName: s\n  explicitHashKey: \(key)\n"))
        #expect(try onlyKinesis(config).explicitHashKey == key)
    }

    @Test(arguments: [
        ("340282366920938463463374607431768211456", "at most 2^128-1"),
        ("1000000000000000000000000000000000000000", "at most 2^128-1"),
        ("0123", "leading zeros"),
        ("00", "leading zeros"),
        ("-1", "digits only"),
        ("0x10", "digits only"),
        ("1.5", "digits only"),
    ])
    func invalidExplicitHashKeys(key: String, expected: String) throws {
        let error = try #require(loadError(exporter("  streamName: s\n  explicitHashKey: \(key)\n")))
        #expect(error.errors.first?.keyPath == "exporter.explicitHashKey")
        #expect(error.errors.first?.message.contains(expected) == true, "\(error)")
    }

    @Test(arguments: [
        ("maxBatchBytes", 0, false), ("maxBatchBytes", 1_048_576, true), ("maxBatchBytes", 10_485_760, true),
        ("maxBatchBytes", 10_485_761, false), ("maxBatchRecords", 0, false), ("maxBatchRecords", 1, true),
        ("maxBatchRecords", 500, true), ("maxBatchRecords", 501, false), ("maxRecordBytes", 0, false),
        ("maxRecordBytes", 1024, true), ("requestTimeout", 0, false), ("connectTimeout", 1, true),
    ])
    func numericBounds(key: String, value: Int, valid: Bool) throws {
        let yaml = exporter("  streamName: s\n  \(key): \(value)\n")
        if valid {
            _ = try loadConfig(yaml)
        } else {
            #expect(loadError(yaml)?.errors.first?.keyPath == "exporter.\(key)")
        }
    }

    @Test func recordLargerThanBatchIsAnError() throws {
        let error = try #require(
            loadError(exporter("  streamName: s\n  maxBatchBytes: 1000\n  maxRecordBytes: 2000\n")))
        #expect(error.errors.first?.keyPath == "exporter.maxRecordBytes")
    }

    @Test func defaultRecordLimitFollowsASmallBatchCap() throws {
        let kinesis = try onlyKinesis(try loadConfig(exporter("  streamName: s\n  maxBatchBytes: 1000\n")))
        #expect(kinesis.maxRecordBytes == 1000)
    }

    @Test(arguments: [("feature", EventType.feature), ("tracking", .tracking), ("Tracking", .feature), ("x", .feature)])
    func eventTypeFollowsGOFF(text: String, expected: EventType) throws {
        let config = try loadConfig(exporter("  streamName: s\n  eventType: \(text)\n"))
        #expect(try onlyKinesis(config).eventType == expected)
        let warned = config.warnings.contains { $0.keyPath == "exporter.eventType" }
        #expect(warned == (text != "feature" && text != "tracking"))
    }

    @Test func goffExporterKeysAreAcceptedAndWarned() throws {
        let config = try loadConfig(
            exporter("  streamName: s\n  format: CSV\n  flushInterval: 1000\n  maxEventInMemory: 5\n  bucket: b\n"))
        let paths = Set(config.warnings.map(\.keyPath))
        #expect(
            paths.isSuperset(of: [
                "exporter.format", "exporter.flushInterval", "exporter.maxEventInMemory", "exporter.bucket",
            ]))
        #expect(config.warnings.allSatisfy { $0.message.contains("ignored for kind \"kinesis\"") })
    }

    @Test func unknownExporterKeyIsAWarning() throws {
        let config = try loadConfig(exporter("  streamName: s\n  region: eu-west-1\n"))
        #expect(config.warnings.map(\.keyPath) == ["exporter.region"])
        #expect(config.warnings.first?.message == "unknown key; ignored")
        #expect(config.warnings.first?.line == 4)
    }

    @Test func exporterFieldsMatchIgnoringCase() throws {
        let config = try loadConfig(exporter("  streamname: s\n  PartitionKey: p\n"))
        let kinesis = try onlyKinesis(config)
        #expect(kinesis.streamName == "s")
        #expect(kinesis.partitionKey == "p")
        #expect(config.warnings.isEmpty)
    }
}
