// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import KinesisExporter

private func parse(_ body: String, expectedCount: Int) -> Result<PutRecordsResult, KinesisServiceError> {
    KinesisResponseParser.parsePutRecords(
        status: 200, headers: [("x-amzn-RequestId", "req-9")], body: Array(body.utf8), expectedCount: expectedCount)
}

private func entries(_ body: String) -> [PutRecordsResult.Entry]? {
    try? PutRecordsAnswerScanner.entries(of: Array(body.utf8))
}

@Test func readsASuccessfulAnswer() throws {
    let body = """
        {"EncryptionType":"KMS","FailedRecordCount":0,"Records":[\
        {"SequenceNumber":"49546986683135544286507457936321625675700192471156785154","ShardId":"shardId-000000000000"},\
        {"SequenceNumber":"49546986683135544286507457936321625675700192471156785155","ShardId":"shardId-000000000001"}]}
        """
    let result = try parse(body, expectedCount: 2).get()
    #expect(
        result.entries == [
            .stored(
                shardID: "shardId-000000000000",
                sequenceNumber: "49546986683135544286507457936321625675700192471156785154"),
            .stored(
                shardID: "shardId-000000000001",
                sequenceNumber: "49546986683135544286507457936321625675700192471156785155"),
        ])
    #expect(result.failedCount == 0)
}

@Test func readsAPartialFailureWithWhitespaceAndReorderedKeys() throws {
    let body = """
        {
          "Records" : [
            { "ShardId" : "shardId-000000000002" , "SequenceNumber" : "7" } ,
            { "ErrorMessage" : "Rate exceeded for shard shardId-000000000002 in stream s",
              "ErrorCode" : "ProvisionedThroughputExceededException" },
            {"ErrorCode":"InternalFailure","ErrorMessage":"Internal service failure."}
          ],
          "FailedRecordCount" : 2
        }\r\n
        """
    let result = try parse(body, expectedCount: 3).get()
    #expect(
        result.entries == [
            .stored(shardID: "shardId-000000000002", sequenceNumber: "7"),
            .failed(
                code: "ProvisionedThroughputExceededException",
                message: "Rate exceeded for shard shardId-000000000002 in stream s"),
            .failed(code: "InternalFailure", message: "Internal service failure."),
        ])
    #expect(result.failedCount == 2)
}

@Test func unescapesStringsIncludingSurrogatePairs() {
    let body = #"""
        {"Records":[{"ErrorCode":"Bad\"Code\\","ErrorMessage":"a\/b\b\f\n\r\t \u00e9 \u65E5 \ud83d\ude42 \u0000"}]}
        """#
    #expect(
        entries(body) == [
            .failed(code: "Bad\"Code\\", message: "a/b\u{8}\u{C}\n\r\t é 日 🙂 \u{0}")
        ])
    #expect(
        entries(#"{"Records":[{"SequenceNumber":"\u0031\u0032","ShardId":"s\u002D1"}]}"#) == [
            .stored(shardID: "s-1", sequenceNumber: "12")
        ])
    #expect(entries(#"{"Rec\u006Frds":[{"SequenceNumber":"1"}]}"#) == [.stored(shardID: "", sequenceNumber: "1")])
}

@Test func skipsUnknownKeysOfEveryValueType() {
    let body = """
        {"Meta":{"a":[1,-2.5e+3,{"b":null}],"c":"}]"},"Flag":true,"Off":false,"Nothing":null,"N":-0.0E1,
        "Records":[{"Extra":[[],{}],"SequenceNumber":"5","Weird":{"ShardId":"nested"},"ShardId":"s-5","Z":0}],
        "FailedRecordCount":0,"EncryptionType":"NONE","Trailer":[true,false,null,"x"]}
        """
    #expect(entries(body) == [.stored(shardID: "s-5", sequenceNumber: "5")])
}

@Test func entryFieldsFollowThePreviousRules() {
    // An empty ErrorCode is no error; non-string values count as absent; the last duplicate key wins.
    #expect(
        entries(#"{"Records":[{"ErrorCode":"","SequenceNumber":"1"}]}"#) == [.stored(shardID: "", sequenceNumber: "1")])
    #expect(entries(#"{"Records":[{"ErrorCode":"E"}]}"#) == [.failed(code: "E", message: "")])
    #expect(
        entries(#"{"Records":[{"SequenceNumber":1,"ShardId":"s"}]}"#) == [
            .failed(code: "MalformedResponse", message: "result entry has neither SequenceNumber nor ErrorCode")
        ])
    #expect(
        entries(#"{"Records":[{"SequenceNumber":"1","SequenceNumber":"2"}]}"#) == [
            .stored(shardID: "", sequenceNumber: "2")
        ])
    #expect(entries(#"{"Records":[]}"#) == [])
    #expect(entries(#"{"Records":[{}]}"#)?.count == 1)
}

@Test func aCountMismatchIsAMalformedResponse() {
    guard case .failure(let error) = parse(#"{"Records":[{"SequenceNumber":"1"}]}"#, expectedCount: 2) else {
        Issue.record("expected a failure")
        return
    }
    #expect(error.code == "MalformedResponse")
    #expect(error.message == "PutRecords answered 1 results for 2 records")
    #expect(error.requestID == "req-9")
}

@Test(arguments: [
    "", " ", "null", "[]", "{}", #"{"FailedRecordCount":0}"#, #"{"Records":null}"#, #"{"Records":{}}"#,
    #"{"Records":["x"]}"#, #"{"Records":[1]}"#, #"{"Records":[{"SequenceNumber":"1"}]"#,
    #"{"Records":[{"SequenceNumber":"1"}]}x"#, #"{"Records":[{"SequenceNumber":"1"}],}"#,
    #"{"Records":[{"SequenceNumber":"1"},]}"#, #"{"Records":[{"SequenceNumber":"1" "ShardId":"s"}]}"#,
    #"{"Records":[{"SequenceNumber":"1\x"}]}"#, #"{"Records":[{"SequenceNumber":"\ud83d"}]}"#,
    #"{"Records":[{"SequenceNumber":"\ude42"}]}"#, #"{"Records":[{"SequenceNumber":"\u12G4"}]}"#,
    "{\"Records\":[{\"SequenceNumber\":\"a\u{1}b\"}]}", #"{"Records":[],"N":01}"#, #"{"Records":[],"N":1.}"#,
    #"{"Records":[],"N":-}"#, #"{"Records":[],"N":tru}"#, #"{"Records":[],"N":nul}"#, #"{"Records":[],"A":[1 2]}"#,
    #"{"Records":[],"O":{"a"}}"#, #"{"Records":[],"O":{"a":1]}"#, #"{Records:[]}"#, "<html>502 Bad Gateway</html>",
    #"{"Records":[],"Deep":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}",
])
func garbageIsAMalformedResponse(body: String) {
    #expect(entries(body) == nil, "scanner accepted \(body)")
    guard case .failure(let error) = parse(body, expectedCount: 0) else {
        Issue.record("parser accepted \(body)")
        return
    }
    #expect(error.code == "MalformedResponse")
    #expect(error.message.hasPrefix("PutRecords answer is not the expected JSON: "))
    #expect(error.errorClass == .transient)
}

@Test func agreesWithThePreviousParserOnGeneratedAnswers() {
    var random = SeededBytes(seed: 11)
    for round in 0..<200 {
        var items: [String] = []
        for index in 0..<Int(random.next() % 6) {
            let stored = random.next() % 3 != 0
            var fields =
                stored
                ? [#""SequenceNumber":"\#(random.next())""#, #""ShardId":"shardId-\#(index)""#]
                : [#""ErrorCode":"Code\#(index)\u00e9""#, #""ErrorMessage":"m \"\#(round)\" \ud83d\ude42""#]
            if random.next() % 2 == 0 { fields.append(#""X":{"y":[1,2,{"z":null}]}"#) }
            if random.next() % 2 == 0 { fields.reverse() }
            items.append("{" + fields.joined(separator: random.next() % 2 == 0 ? "," : " ,\n ") + "}")
        }
        var members = [
            #""Records":[\#(items.joined(separator: ","))]"#, #""FailedRecordCount":0"#, #""EncryptionType":"NONE""#,
        ]
        if random.next() % 2 == 0 { members.reverse() }
        let body = "{" + members.joined(separator: ",") + "}"
        let legacy = LegacyPutRecordsCodec.entries(Array(body.utf8))
        #expect(legacy != nil)
        #expect(entries(body) == legacy, "\(body)")
    }
}
