// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Testing

@Suite struct AssumeRoleCredentialProviderTests {
    static let sourceKeys = AWSCredentials(
        accessKeyID: "AKIDSOURCE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let signingTime = Date(timeIntervalSince1970: 1_767_225_600)

    static func provider(
        _ server: FakeHTTPServer, role: AssumeRoleParameters, source: any AWSCredentialProvider
    ) -> AssumeRoleCredentialProvider {
        AssumeRoleCredentialProvider(
            role: role, source: source, endpoint: STSEndpoint(url: server.baseURL + "/", signingRegion: "eu-west-1"),
            http: SocketHTTPClient(), now: { Self.signingTime })
    }

    @Test func theCallIsSignedWithTheSourceKeys() async throws {
        let sts = FakeSTS(knownKeys: [Self.sourceKeys])
        try await withFakeServer(sts.handle) { server in
            let role = AssumeRoleParameters(
                roleARN: "arn:aws:iam::123456789012:role/writer", sessionName: "relay", externalID: "ext-42",
                durationSeconds: 1800)
            let provider = Self.provider(server, role: role, source: StaticCredentialProvider(Self.sourceKeys))
            let credentials = try await provider.credentials()
            #expect(credentials.accessKeyID == "ASIASTS1")
            let call = try #require(sts.calls.first)
            #expect(call.signedBy == "AKIDSOURCE", "the fake recomputed the SigV4 signature with the source secret")
            #expect(
                call.form == [
                    "Action": "AssumeRole", "Version": "2011-06-15", "RoleArn": "arn:aws:iam::123456789012:role/writer",
                    "RoleSessionName": "relay", "ExternalId": "ext-42", "DurationSeconds": "1800",
                ])
            let fields = FakeSTS.authorizationFields(call.authorization ?? "")
            #expect(fields["Credential"] == "AKIDSOURCE/20260101/eu-west-1/sts/aws4_request")
            #expect(fields["SignedHeaders"] == "content-type;host;x-amz-date")
            #expect(server.requests.first?.header("X-Amz-Date") == "20260101T000000Z")
        }
    }

    @Test func aWrongSecretIsRejectedByTheFake() async throws {
        // The check above can fail: signing with another secret does not verify.
        let sts = FakeSTS(knownKeys: [Self.sourceKeys])
        try await withFakeServer(sts.handle) { server in
            let impostor = AWSCredentials(accessKeyID: "AKIDSOURCE", secretAccessKey: "not-the-secret")
            let provider = Self.provider(
                server, role: AssumeRoleParameters(roleARN: "arn:aws:iam::1:role/r"),
                source: StaticCredentialProvider(impostor))
            let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
            #expect(error?.serviceCode == "SignatureDoesNotMatch")
            #expect(error?.description.contains("not-the-secret") == false)
        }
    }

    @Test func temporarySourceCredentialsSendAndSignTheirToken() async throws {
        let temporary = AWSCredentials(
            accessKeyID: "ASIASOURCE", secretAccessKey: "tmp-secret", sessionToken: "tmp-token")
        let sts = FakeSTS(knownKeys: [temporary])
        try await withFakeServer(sts.handle) { server in
            let provider = Self.provider(
                server, role: AssumeRoleParameters(roleARN: "arn:aws:iam::1:role/r"),
                source: StaticCredentialProvider(temporary))
            _ = try await provider.credentials()
            #expect(sts.calls.first?.signedBy == "ASIASOURCE")
            #expect(server.requests.first?.header("X-Amz-Security-Token") == "tmp-token")
            #expect(
                FakeSTS.authorizationFields(sts.calls.first?.authorization ?? "")["SignedHeaders"]
                    == "content-type;host;x-amz-date;x-amz-security-token")
            #expect(sts.calls.first?.form["RoleSessionName"] == "goff-relay-1767225600")
            #expect(sts.calls.first?.form["ExternalId"] == nil)
        }
    }

    @Test func anExpiredSourceTokenIsRefreshedOnceAndRetried() async throws {
        let clock = TestClock()
        let stale = AWSCredentials(accessKeyID: "ASIASTALE", secretAccessKey: "s1", sessionToken: "t1")
        let fresh = AWSCredentials(accessKeyID: "ASIAFRESH", secretAccessKey: "s2", sessionToken: "t2")
        let source = ScriptedProvider([.credentials(stale), .credentials(fresh)])
        let cache = CachingCredentialProvider(source, settings: .init(now: clock.now))
        let sts = FakeSTS(knownKeys: [stale, fresh])
        sts.fail("ExpiredToken", message: "The security token included in the request is expired")
        try await withFakeServer(sts.handle) { server in
            let provider = Self.provider(
                server, role: AssumeRoleParameters(roleARN: "arn:aws:iam::1:role/r"), source: cache)
            let credentials = try await provider.credentials()
            #expect(credentials.accessKeyID == "ASIASTS1")
            #expect(sts.calls.count == 2)
            #expect(sts.calls.last?.signedBy == "ASIAFRESH")
            #expect(source.calls == 2)
        }
    }
}
