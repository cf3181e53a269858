// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Testing

/// Signer rules beyond the suite: Host derivation, unsigned and replaced headers, path and query
/// canonicalization, and the date rendering.
@Suite struct SigV4SignerTests {
    static let signer = SigV4Signer(
        credentials: AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1",
        service: "kinesis"
    )
    static let date = Date(timeIntervalSince1970: 1_440_938_160)

    static func sign(
        _ url: String,
        method: String = "POST",
        headers: [(name: String, value: String)] = [],
        date: Date = date
    ) -> SigV4Signature {
        signer.sign(method: method, url: url, headers: headers, body: [], date: date)
    }

    /// The lines of the canonical request: method, path, query, headers…, blank, signed headers, hash.
    static func lines(_ result: SigV4Signature) -> [String] {
        result.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test(arguments: [
        ("http://127.0.0.1:5055/", "127.0.0.1:5055"),
        ("http://127.0.0.1:80/", "127.0.0.1"),
        ("https://kinesis.us-east-1.amazonaws.com:443/", "kinesis.us-east-1.amazonaws.com"),
        ("https://kinesis.us-east-1.amazonaws.com:8443/", "kinesis.us-east-1.amazonaws.com:8443"),
        ("http://localhost:443/", "localhost:443"),
        ("HTTPS://Example.com/", "Example.com"),
        ("http://[::1]:4567/", "[::1]:4567"),
        ("http://[::1]/", "[::1]"),
        ("http://user:secret@127.0.0.1:4567/", "127.0.0.1:4567"),
        ("http://127.0.0.1:4567", "127.0.0.1:4567"),
        ("http://127.0.0.1:4567?a=b", "127.0.0.1:4567"),
    ])
    func hostComesFromTheURL(url: String, host: String) {
        let result = Self.sign(url)
        #expect(Self.lines(result)[3] == "host:\(host)")
        #expect(result.signedHeaders == "host;x-amz-date")
    }

    @Test func explicitHostHeaderWins() {
        let result = Self.sign("http://127.0.0.1:4567/", headers: [("Host", "kinesis.us-east-1.amazonaws.com")])
        #expect(Self.lines(result)[3] == "host:kinesis.us-east-1.amazonaws.com")
        #expect(!result.canonicalRequest.contains("127.0.0.1"))
    }

    @Test func clientOwnedHeadersAreNeverSigned() {
        let headers: [(name: String, value: String)] = [
            ("Content-Length", "97"), ("Expect", "100-continue"), ("User-Agent", "goff-relay/1.0"),
            ("Authorization", "Bearer x"), ("Transfer-Encoding", "chunked"), ("X-Amzn-Trace-Id", "Root=1-abc"),
            ("Content-Type", "application/x-amz-json-1.1"),
        ]
        let result = Self.sign("https://kinesis.us-east-1.amazonaws.com/", headers: headers)
        #expect(result.signedHeaders == "content-type;host;x-amz-date")
        #expect(result.headers.filter { $0.name == "Authorization" }.count == 1)
    }

    @Test func callerDateAndTokenAreReplaced() {
        let headers: [(name: String, value: String)] = [
            ("X-Amz-Date", "19990101T000000Z"), ("x-amz-security-token", "stale"),
        ]
        let result = Self.sign("https://kinesis.us-east-1.amazonaws.com/", headers: headers)
        #expect(result.signedHeaders == "host;x-amz-date")
        #expect(!result.canonicalRequest.contains("1999"))
        #expect(!result.canonicalRequest.contains("stale"))
        #expect(result.headers.map(\.name) == ["X-Amz-Date", "Authorization"])
    }

    @Test func emptySessionTokenIsNotSent() {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: ""),
            region: "us-east-1",
            service: "kinesis"
        )
        let result = signer.sign(method: "POST", url: "https://h/", headers: [], body: [], date: Self.date)
        #expect(result.signedHeaders == "host;x-amz-date")
        #expect(result.headers.map(\.name) == ["X-Amz-Date", "Authorization"])
    }

    @Test func headerValuesAreCanonicalized() {
        let headers: [(name: String, value: String)] = [
            ("  My-Header ", "\t a \t  b\r\n c  "), ("my-header", "second"), ("ZETA", "z"), ("alpha", ""),
        ]
        let lines = Self.lines(Self.sign("https://h/", headers: headers))
        #expect(
            lines[3...7] == ["alpha:", "host:h", "my-header:a b c,second", "x-amz-date:20150830T123600Z", "zeta:z"])
    }

    @Test(arguments: [
        ("https://h", "/"),
        ("https://h/", "/"),
        ("https://h/a/./b/../c/", "/a/c/"),
        ("https://h/../../a", "/a"),
        ("https://h//a///b", "/a/b"),
        ("https://h/a b/ü", "/a%20b/%C3%BC"),
        ("https://h/already%20encoded", "/already%2520encoded"),
        ("https://h/a+b=c;d", "/a%2Bb%3Dc%3Bd"),
        ("https://h/path#fragment", "/path"),
    ])
    func pathIsNormalizedAndEncodedOnce(url: String, path: String) {
        #expect(Self.lines(Self.sign(url))[1] == path)
    }

    @Test(arguments: [
        ("https://h/?b=2&a=1", "a=1&b=2"),
        ("https://h/?a=2&a=1", "a=1&a=2"),
        ("https://h/?Param-3=x&Param=y", "Param=y&Param-3=x"),
        ("https://h/?flag&x=", "flag=&x="),
        ("https://h/?a=1&&b=2&", "a=1&b=2"),
        ("https://h/?k=a%20b&s=a b", "k=a%20b&s=a%20b"),
        ("https://h/?x=%zz&y=100%", "x=%25zz&y=100%25"),
        ("https://h/?p=a+b", "p=a%2Bb"),
        ("https://h/?e=%3d", "e=%3D"),
        ("https://h/?", ""),
    ])
    func queryIsDecodedEncodedAndSorted(url: String, query: String) {
        #expect(Self.lines(Self.sign(url))[2] == query)
    }

    @Test(arguments: [
        (0.0, "19700101T000000Z"),
        (951_782_400.0, "20000229T000000Z"),
        (951_868_799.999, "20000229T235959Z"),
        (1_440_938_160.0, "20150830T123600Z"),
        (1_709_251_199.0, "20240229T235959Z"),
        (4_107_542_400.0, "21000301T000000Z"),
        (-1.0, "19691231T235959Z"),
    ])
    func amzDateIsUTC(seconds: Double, expected: String) {
        let result = Self.sign("https://h/", date: Date(timeIntervalSince1970: seconds))
        #expect(result.amzDate == expected)
        #expect(result.credentialScope == "\(expected.prefix(8))/us-east-1/kinesis/aws4_request")
        #expect(result.stringToSign.hasPrefix("AWS4-HMAC-SHA256\n\(expected)\n\(expected.prefix(8))/us-east-1/"))
    }

    @Test func signingKeyFollowsTheDate() {
        // A day later the scope, and so the signature, change even with the same canonical request hash.
        let today = Self.sign("https://h/")
        let tomorrow = Self.sign("https://h/", date: Self.date.addingTimeInterval(86_400))
        let backToToday = Self.sign("https://h/")
        #expect(today.signature != tomorrow.signature)
        #expect(today == backToToday)
    }

    @Test func descriptionHidesTheToken() {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "TOKEN123"),
            region: "us-east-1",
            service: "kinesis"
        )
        let result = signer.sign(method: "POST", url: "https://h/", headers: [], body: [], date: Self.date)
        #expect(result.canonicalRequest.contains("TOKEN123"))
        #expect(!result.description.contains("TOKEN123"))
        #expect(!result.description.contains("secret"))
    }
}
