// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Testing

@Suite struct StreamARNTests {
    @Test func parsesEveryField() throws {
        let arn = try StreamARN(parsing: "arn:aws-us-gov:kinesis:us-gov-west-1:123456789012:stream/flag.events_1-a")
        #expect(arn.partition == "aws-us-gov")
        #expect(arn.region == "us-gov-west-1")
        #expect(arn.accountID == "123456789012")
        #expect(arn.streamName == "flag.events_1-a")
        #expect(arn.description == "arn:aws-us-gov:kinesis:us-gov-west-1:123456789012:stream/flag.events_1-a")
    }

    @Test func acceptsTheLongestName() throws {
        let name = String(repeating: "n", count: 128)
        #expect(try StreamARN(parsing: "arn:aws:kinesis:us-east-1:123456789012:stream/\(name)").streamName == name)
    }

    @Test(arguments: [
        ("", "malformed", "expected arn:<partition>:kinesis:<region>:<account>:stream/<name>"),
        ("flag-events", "malformed", "expected arn:"),
        ("arn:aws:kinesis:us-east-1:123456789012", "malformed", "expected arn:"),
        ("urn:aws:kinesis:us-east-1:123456789012:stream/s", "malformed", "expected arn:"),
        ("arn::kinesis:us-east-1:123456789012:stream/s", "partition", "the partition \"\""),
        ("arn:AWS:kinesis:us-east-1:123456789012:stream/s", "partition", "the partition \"AWS\""),
        ("arn:aws:firehose:us-east-1:123456789012:stream/s", "service", "the service is \"firehose\", not kinesis"),
        ("arn:aws:kinesis::123456789012:stream/s", "region", "the region \"\""),
        ("arn:aws:kinesis:us_east_1:123456789012:stream/s", "region", "the region \"us_east_1\""),
        ("arn:aws:kinesis:us-east-1:1234:stream/s", "accountID", "the account ID \"1234\" is not 12 digits"),
        ("arn:aws:kinesis:us-east-1:12345678901a:stream/s", "accountID", "\"12345678901a\" is not 12 digits"),
        ("arn:aws:kinesis:us-east-1:123456789012:table/s", "resourceType", "\"table/s\" does not start with stream/"),
        ("arn:aws:kinesis:us-east-1:123456789012:stream/", "streamName", "the stream name \"\""),
        ("arn:aws:kinesis:us-east-1:123456789012:stream/a b", "streamName", "the stream name \"a b\""),
        ("arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:1", "streamName", "\"s/consumer/c:1\""),
        (
            "arn:aws:kinesis:us-east-1:123456789012:stream/" + String(repeating: "n", count: 129), "streamName",
            "1 to 128"
        ),
        (" arn:aws:kinesis:us-east-1:123456789012:stream/s", "malformed", "expected arn:"),
    ])
    func errorsNameTheWrongPart(text: String, code: String, fragment: String) {
        let error = #expect(throws: StreamARNError.self) { try StreamARN(parsing: text) }
        #expect(error?.code.description == code)
        #expect(error?.message.hasPrefix("invalid stream ARN \"\(text)\": ") == true)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
    }
}
