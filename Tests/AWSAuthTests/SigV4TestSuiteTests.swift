// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Testing

/// The official AWS SigV4 test suite (aws-c-auth copy, header signing), stage by stage.
@Suite struct SigV4TestSuiteTests {
    /// Every case folder in the fixtures. A new folder makes ``everyCaseIsClassified`` fail until it
    /// is sorted into ``passing`` or ``skipped``.
    static let passing = [
        "get-header-key-duplicate", "get-header-value-multiline", "get-header-value-order", "get-header-value-trim",
        "get-relative-normalized", "get-relative-relative-normalized", "get-slash-dot-slash-normalized",
        "get-slash-normalized", "get-slash-pointless-dot-normalized", "get-slashes-normalized", "get-space-normalized",
        "get-unreserved", "get-utf8", "get-vanilla", "get-vanilla-empty-query-key", "get-vanilla-query",
        "get-vanilla-query-order-encoded", "get-vanilla-query-order-key-case", "get-vanilla-query-unreserved",
        "get-vanilla-utf8-query", "get-vanilla-with-session-token", "post-header-key-case", "post-header-key-sort",
        "post-header-value-case", "post-sts-header-before", "post-vanilla", "post-vanilla-empty-query-value",
        "post-vanilla-query",
    ]

    /// Cases that need features we do not claim, with the `context.json` flag that says so.
    static let skipped: [String: String] = [
        // normalize=false is S3's path rule (no `.`/`..`/`//` normalization). We sign only for
        // non-S3 services, which always normalize.
        "get-relative-relative-unnormalized": "normalize=false",
        "get-relative-unnormalized": "normalize=false",
        "get-slash-dot-slash-unnormalized": "normalize=false",
        "get-slash-pointless-dot-unnormalized": "normalize=false",
        "get-slash-unnormalized": "normalize=false",
        "get-slashes-unnormalized": "normalize=false",
        "get-space-unnormalized": "normalize=false",
        // omit_session_token=true is the "token added after signing" variant; Kinesis (like
        // botocore) signs the token, which post-sts-header-before checks.
        "post-sts-header-after": "omit_session_token=true",
        // sign_body=true adds and signs X-Amz-Content-Sha256 (an S3 convention) and signs
        // Content-Length, which we never sign because libcurl owns that header.
        "post-x-www-form-urlencoded": "sign_body=true",
        "post-x-www-form-urlencoded-parameters": "sign_body=true",
    ]

    @Test func everyCaseIsClassified() throws {
        let onDisk = try SuiteCase.names()
        #expect(onDisk.count == 38)
        #expect(Set(onDisk) == Set(Self.passing).union(Self.skipped.keys))
        #expect(Set(Self.passing).isDisjoint(with: Self.skipped.keys))
    }

    @Test(arguments: skipped.sorted { $0.key < $1.key })
    func skippedCaseReallyNeedsTheFlag(name: String, flag: String) throws {
        let context = try SuiteCase(named: name).context
        let flags = [
            !context.normalize ? "normalize=false" : nil,
            context.omitSessionToken == true ? "omit_session_token=true" : nil,
            context.signBody ? "sign_body=true" : nil,
        ].compactMap { $0 }
        #expect(flags == [flag])
    }

    @Test(arguments: passing)
    func caseMatchesEveryStage(name: String) throws {
        let suiteCase = try SuiteCase(named: name)
        let context = suiteCase.context
        #expect(context.normalize && !context.signBody && context.omitSessionToken != true)
        let signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: context.credentials.accessKeyID,
                secretAccessKey: context.credentials.secretAccessKey,
                sessionToken: context.credentials.token
            ),
            region: context.region,
            service: context.service
        )
        let result = signer.sign(
            method: suiteCase.request.method,
            url: suiteCase.url,
            headers: suiteCase.request.headers,
            body: suiteCase.request.body,
            date: try suiteCase.date
        )
        #expect(result.canonicalRequest == suiteCase.canonicalRequest)
        #expect(result.stringToSign == suiteCase.stringToSign)
        #expect(result.signature == suiteCase.signature)

        // The signed request is the original plus exactly the headers we add.
        let expectedAdded = suiteCase.signedRequest.headers.dropFirst(suiteCase.request.headers.count)
        #expect(
            suiteCase.signedRequest.headers.prefix(suiteCase.request.headers.count).map(\.name)
                == suiteCase.request.headers.map(\.name))
        #expect(
            Set(result.headers.map { "\($0.name):\($0.value)" }) == Set(expectedAdded.map { "\($0.name):\($0.value)" }))
        #expect(result.headers.count == expectedAdded.count)
    }

    @Test func omittedHostIsDerivedFromTheURL() throws {
        // Same as the suite's get-vanilla, with no Host header passed in.
        let suiteCase = try SuiteCase(named: "get-vanilla")
        let signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            region: "us-east-1",
            service: "service"
        )
        let result = signer.sign(
            method: "GET", url: "https://example.amazonaws.com/", headers: [], body: [], date: try suiteCase.date)
        #expect(result.signature == suiteCase.signature)
    }
}
