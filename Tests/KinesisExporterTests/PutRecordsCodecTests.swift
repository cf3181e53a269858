// SPDX-License-Identifier: Apache-2.0

import EventSpool
import Foundation
import Testing

@testable import KinesisExporter

@Test(arguments: [
    ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
    ("foobar", "Zm9vYmFy"),
])
func base64MatchesRFC4648Vectors(input: String, expected: String) {
    var output: [UInt8] = []
    Base64.append(Array(input.utf8), to: &output)
    #expect(String(decoding: output, as: UTF8.self) == expected)
}

@Test func base64MatchesFoundationOnAllByteValues() {
    let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
    var output: [UInt8] = []
    Base64.append(bytes, to: &output)
    #expect(String(decoding: output, as: UTF8.self) == Data(bytes).base64EncodedString())
}

@Test func requestBodyByStreamNameMatchesTheKnownAnswerBody() {
    // The 97-byte body of the Kinesis SigV4 known-answer vector (spec/kinesis.md §2.4).
    let record = ExportRecord(data: Array(#"{"k":"flag-a"}"#.utf8), partitionKey: "user-42", eventKey: "flag-a")
    let body = PutRecordsRequestBody.encode(target: .name("flag-events"), records: [record])
    let expected = #"{"StreamName":"flag-events","Records":[{"Data":"eyJrIjoiZmxhZy1hIn0=","PartitionKey":"user-42"}]}"#
    #expect(String(decoding: body, as: UTF8.self) == expected)
    #expect(body.count == 97)
}

@Test func requestBodyByARNWithExplicitHashKeyAndEscapedKey() throws {
    let records = [
        ExportRecord(data: [0, 1, 255], partitionKey: "a\"b\\c\u{1}é", eventKey: "x"),
        ExportRecord(data: Array("{}".utf8), partitionKey: "default", eventKey: "y"),
    ]
    let arn = "arn:aws:kinesis:us-east-1:123456789012:stream/goff"
    let body = PutRecordsRequestBody.encode(target: .arn(arn), records: records, explicitHashKey: "42")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    #expect(object["StreamARN"] as? String == arn)
    #expect(object["StreamName"] == nil)
    let entries = try #require(object["Records"] as? [[String: String]])
    #expect(entries.count == 2)
    #expect(entries[0]["PartitionKey"] == "a\"b\\c\u{1}é")
    #expect(entries[0]["Data"] == "AAH/")
    #expect(entries[0]["ExplicitHashKey"] == "42")
    #expect(entries[1]["Data"] == "e30=")
}

@Test func parsesAMixedResultInOrder() throws {
    let body = #"""
        {"FailedRecordCount":1,"Records":[{"SequenceNumber":"1","ShardId":"shardId-000000000000"},
        {"ErrorCode":"ProvisionedThroughputExceededException","ErrorMessage":"Rate exceeded for shard"},
        {"SequenceNumber":"2","ShardId":"shardId-000000000001"}],"EncryptionType":"NONE"}
        """#
    let result = try KinesisResponseParser.parsePutRecords(
        status: 200, headers: [], body: Array(body.utf8), expectedCount: 3
    ).get()
    #expect(
        result.entries == [
            .stored(shardID: "shardId-000000000000", sequenceNumber: "1"),
            .failed(code: "ProvisionedThroughputExceededException", message: "Rate exceeded for shard"),
            .stored(shardID: "shardId-000000000001", sequenceNumber: "2"),
        ])
    #expect(result.failedCount == 1)
}

@Test func aResultCountMismatchFailsTheWholeCall() {
    let body = #"{"FailedRecordCount":0,"Records":[{"SequenceNumber":"1","ShardId":"s"}]}"#
    let result = KinesisResponseParser.parsePutRecords(
        status: 200, headers: [], body: Array(body.utf8), expectedCount: 2)
    guard case .failure(let error) = result else {
        Issue.record("expected a failure")
        return
    }
    #expect(error.code == "MalformedResponse")
    #expect(error.errorClass == .transient)
}

@Test func parsesKinesisJSONErrorsStrippingTheNamespace() {
    let body = #"{"__type":"com.amazonaws.kinesis.v20131202#ResourceNotFoundException","message":"Stream x not found"}"#
    let error = KinesisResponseParser.parseError(
        status: 400, headers: [("x-amzn-RequestId", "r-1")], body: Array(body.utf8))
    #expect(error.code == "ResourceNotFoundException")
    #expect(error.message == "Stream x not found")
    #expect(error.requestID == "r-1")
    #expect(error.errorClass == .configuration)
}

@Test func prefersTheErrorTypeHeader() {
    let error = KinesisResponseParser.parseError(
        status: 400, headers: [("X-Amzn-ErrorType", "ExpiredTokenException:http://internal.amazon.com/")],
        body: Array(#"{"message":"The security token included in the request is expired"}"#.utf8))
    #expect(error.code == "ExpiredTokenException")
    #expect(error.errorClass == .credentials)
}

@Test func parsesMotoStyleXMLErrors() {
    let body = """
        <?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code>\
        <Message>The request signature we calculated does not match the signature you provided.</Message>\
        </Error></Errors></ErrorResponse>
        """
    let error = KinesisResponseParser.parseError(status: 403, headers: [], body: Array(body.utf8))
    #expect(error.code == "SignatureDoesNotMatch")
    #expect(error.message.hasPrefix("The request signature we calculated"))
    #expect(error.errorClass == .credentials)
}

@Test func unreadableErrorBodiesKeepTheStatus() {
    let error = KinesisResponseParser.parseError(status: 503, headers: [], body: Array("<html>busy</html>".utf8))
    #expect(error.code == "HTTP503")
    #expect(error.errorClass == .transient)
}
