// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Testing

/// The Kinesis PutRecords known answers of spec/kinesis.md §2.4 (identical to botocore 1.43.11).
@Suite struct SigV4KinesisVectorTests {
    static let body = Array(
        #"{"StreamName":"flag-events","Records":[{"Data":"eyJrIjoiZmxhZy1hIn0=","PartitionKey":"user-42"}]}"#.utf8)
    static let headers: [(name: String, value: String)] = [
        ("Content-Type", "application/x-amz-json-1.1"),
        ("X-Amz-Target", "Kinesis_20131202.PutRecords"),
    ]
    /// 2015-08-30T12:36:00Z.
    static let date = Date(timeIntervalSince1970: 1_440_938_160)
    static let url = "https://kinesis.us-east-1.amazonaws.com/"

    static func signer(token: String?) -> SigV4Signer {
        SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: "AKIDEXAMPLE",
                secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                sessionToken: token
            ),
            region: "us-east-1",
            service: "kinesis"
        )
    }

    @Test func withoutSessionToken() {
        #expect(Self.body.count == 97)
        let result = Self.signer(token: nil).sign(
            method: "POST", url: Self.url, headers: Self.headers, body: Self.body, date: Self.date)
        #expect(result.payloadHash == "0b8d41f398695c9de292e34f3bb23ca152e98499907c067e74c9aded19356e5a")
        #expect(result.signedHeaders == "content-type;host;x-amz-date;x-amz-target")
        #expect(result.canonicalRequestHash == "d1e0af1ee96d24b5d23439ec2154be5dbef3467ca01032dee7335ae062e28ccb")
        #expect(result.signature == "455be441c13f9bdd6f3f14fea4c29895a14c11181522b113ea79e44a73b321fd")
        let authorization =
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/kinesis/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
            + "Signature=455be441c13f9bdd6f3f14fea4c29895a14c11181522b113ea79e44a73b321fd"
        let added = Self.signer(token: nil).signedHeaders(
            method: "POST", url: Self.url, headers: Self.headers, body: Self.body, date: Self.date)
        #expect(added.map(\.name) == ["X-Amz-Date", "Authorization"])
        #expect(added.map(\.value) == ["20150830T123600Z", authorization])
        #expect(
            result.canonicalRequest == """
                POST
                /

                content-type:application/x-amz-json-1.1
                host:kinesis.us-east-1.amazonaws.com
                x-amz-date:20150830T123600Z
                x-amz-target:Kinesis_20131202.PutRecords

                content-type;host;x-amz-date;x-amz-target
                0b8d41f398695c9de292e34f3bb23ca152e98499907c067e74c9aded19356e5a
                """)
    }

    @Test func withSessionToken() {
        let token = "AQoDYXdzEPT//////////wEXAMPLEtoken"
        let result = Self.signer(token: token).sign(
            method: "POST", url: Self.url, headers: Self.headers, body: Self.body, date: Self.date)
        #expect(result.payloadHash == "0b8d41f398695c9de292e34f3bb23ca152e98499907c067e74c9aded19356e5a")
        #expect(result.signedHeaders == "content-type;host;x-amz-date;x-amz-security-token;x-amz-target")
        #expect(result.canonicalRequestHash == "442995362724dc78862a009650f5d4fba94f55f56ceeb351be8e34001141c824")
        #expect(result.signature == "169405b5d520039309a252d4e625bd920300977c7298f9d3f3d442f0f9336ec1")
        let authorization =
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/kinesis/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
            + "Signature=169405b5d520039309a252d4e625bd920300977c7298f9d3f3d442f0f9336ec1"
        let added = Self.signer(token: token).signedHeaders(
            method: "POST", url: Self.url, headers: Self.headers, body: Self.body, date: Self.date)
        #expect(added.map(\.name) == ["X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
        #expect(added.map(\.value) == ["20150830T123600Z", token, authorization])
    }

    @Test func signingAgainGivesTheSameAnswer() {
        // The second call uses the cached signing key.
        let signer = Self.signer(token: nil)
        let first = signer.sign(method: "POST", url: Self.url, headers: Self.headers, body: Self.body, date: Self.date)
        let second = signer.sign(method: "POST", url: Self.url, headers: Self.headers, body: Self.body, date: Self.date)
        #expect(first == second)
        #expect(second.signature == "455be441c13f9bdd6f3f14fea4c29895a14c11181522b113ea79e44a73b321fd")
    }
}
