// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Testing

@Suite struct WebIdentityCredentialProviderTests {
    static let role = "arn:aws:iam::123456789012:role/relay"

    static func provider(
        _ server: FakeHTTPServer, tokenFile: String, sessionName: String? = "relay-session"
    ) -> WebIdentityCredentialProvider {
        WebIdentityCredentialProvider(
            tokenFile: tokenFile, role: AssumeRoleParameters(roleARN: role, sessionName: sessionName),
            endpoint: STSEndpoint(url: server.baseURL + "/", signingRegion: "eu-west-1"), http: SocketHTTPClient(),
            now: { Date(timeIntervalSince1970: 1_767_225_600) })
    }

    @Test func exchangesTheTokenUnsigned() async throws {
        let directory = try TemporaryDirectory()
        let tokenFile = try directory.write("token", "eyJhbGciOiJSUzI1NiJ9.payload+/=.sig\n")
        let sts = FakeSTS(expiration: "2026-01-01T01:00:00Z")
        try await withFakeServer(sts.handle) { server in
            let credentials = try await Self.provider(server, tokenFile: tokenFile).credentials()
            #expect(
                credentials
                    == AWSCredentials(
                        accessKeyID: "ASIASTS1", secretAccessKey: "sts/secret+1", sessionToken: "sts-token-1&<x>",
                        expiration: Date(timeIntervalSince1970: 1_767_229_200)))
            let call = try #require(sts.calls.first)
            #expect(call.action == "AssumeRoleWithWebIdentity")
            #expect(call.authorization == nil)
            #expect(
                call.form == [
                    "Action": "AssumeRoleWithWebIdentity", "Version": "2011-06-15", "RoleArn": Self.role,
                    "RoleSessionName": "relay-session", "WebIdentityToken": "eyJhbGciOiJSUzI1NiJ9.payload+/=.sig",
                ])
        }
    }

    @Test func theTokenFileIsReadOnEveryCallAndTheSessionNameGenerated() async throws {
        let directory = try TemporaryDirectory()
        let tokenFile = try directory.write("token", "token-one")
        let sts = FakeSTS()
        try await withFakeServer(sts.handle) { server in
            let provider = Self.provider(server, tokenFile: tokenFile, sessionName: nil)
            _ = try await provider.credentials()
            try directory.write("token", "token-two")
            _ = try await provider.credentials()
            #expect(sts.calls.map { $0.form["WebIdentityToken"] } == ["token-one", "token-two"])
            #expect(sts.calls.first?.form["RoleSessionName"] == "goff-relay-1767225600")
        }
    }

    @Test func stsErrorsKeepTheirCodeButNeverTheToken() async throws {
        let directory = try TemporaryDirectory()
        let tokenFile = try directory.write("token", "secret-jwt-value")
        let sts = FakeSTS()
        sts.fail("InvalidIdentityToken", message: "Couldn't retrieve verification key for token secret-jwt-value")
        try await withFakeServer(sts.handle) { server in
            let error = await #expect(throws: CredentialError.self) {
                try await Self.provider(server, tokenFile: tokenFile).credentials()
            }
            #expect(error?.code == .serviceError)
            #expect(error?.serviceCode == "InvalidIdentityToken")
            #expect(
                error?.message.hasPrefix("STS AssumeRoleWithWebIdentity at \(server.baseURL)/ answered HTTP 400")
                    == true)
            #expect(error?.description.contains("secret-jwt-value") == false)
        }
    }

    @Test func aMissingTokenFileIsNamed() async throws {
        let directory = try TemporaryDirectory()
        try await withFakeServer(FakeSTS().handle) { server in
            let error = await #expect(throws: CredentialError.self) {
                try await Self.provider(server, tokenFile: directory.path + "/absent").credentials()
            }
            #expect(error?.code == .fileUnreadable)
            #expect(error?.variable == "AWS_WEB_IDENTITY_TOKEN_FILE")
            #expect(server.requests.isEmpty)
        }
    }

    @Test(arguments: [
        "<html>gateway timeout</html>",
        "<AssumeRoleWithWebIdentityResponse><Credentials><AccessKeyId>A</AccessKeyId></Credentials>"
            + "</AssumeRoleWithWebIdentityResponse>",
        "<R><Credentials><AccessKeyId>A</AccessKeyId><SecretAccessKey>S</SecretAccessKey>"
            + "<Expiration>soon</Expiration></Credentials></R>",
    ])
    func malformedAnswersAreInvalidResponses(body: String) async throws {
        let directory = try TemporaryDirectory()
        let tokenFile = try directory.write("token", "t")
        try await withFakeServer({ _ in .xml(200, body) }) { server in
            let error = await #expect(throws: CredentialError.self) {
                try await Self.provider(server, tokenFile: tokenFile).credentials()
            }
            #expect(error?.code == .invalidResponse)
        }
    }

    @Test func namespacedAndCDATAElementsAreRead() async throws {
        let directory = try TemporaryDirectory()
        let tokenFile = try directory.write("token", "t")
        let body = """
            <?xml version="1.0"?>
            <sts:AssumeRoleWithWebIdentityResponse xmlns:sts="https://sts.amazonaws.com/doc/2011-06-15/">
            <sts:Credentials>
              <sts:AccessKeyId>ASIANS</sts:AccessKeyId>
              <sts:SecretAccessKey><![CDATA[a<b&c]]></sts:SecretAccessKey>
              <sts:SessionToken>x&#43;y&#x2F;z</sts:SessionToken>
            </sts:Credentials>
            </sts:AssumeRoleWithWebIdentityResponse>
            """
        try await withFakeServer({ _ in .xml(200, body) }) { server in
            let credentials = try await Self.provider(server, tokenFile: tokenFile).credentials()
            #expect(
                credentials == AWSCredentials(accessKeyID: "ASIANS", secretAccessKey: "a<b&c", sessionToken: "x+y/z"))
        }
    }
}
