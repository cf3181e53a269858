// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Synchronization
import Testing

@Suite struct DefaultCredentialChainTests {
    static let envKeys = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret"]
    static let containerDocument = credentialsJSON(
        "ASIAECS", "ecs-secret", token: "ecs-token", expiration: "2026-01-01T01:00:00Z")

    @Test func environmentKeysWinOverEverything() async throws {
        let environment = Self.envKeys.merging([
            "AWS_SESSION_TOKEN": "env-token", "AWS_WEB_IDENTITY_TOKEN_FILE": "/nonexistent", "AWS_ROLE_ARN": "arn:r",
            "AWS_PROFILE": "base", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:1/",
        ]) { $1 }
        let chain = try makeChain(environment, credentials: ChainFixtures.credentialsFile)
        #expect(chain.source == CredentialSource(name: "environment", detail: "AWS_ACCESS_KEY_ID"))
        let credentials = try await chain.credentials()
        #expect(
            credentials
                == AWSCredentials(accessKeyID: "AKIDENV", secretAccessKey: "env-secret", sessionToken: "env-token"))
    }

    @Test(arguments: [
        (["AWS_SECRET_ACCESS_KEY": "env-secret"], "AWS_ACCESS_KEY_ID"),
        (["AWS_ACCESS_KEY_ID": "AKIDENV"], "AWS_SECRET_ACCESS_KEY"),
        (["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": ""], "AWS_SECRET_ACCESS_KEY"),
    ])
    func halfAnEnvironmentKeyPairIsAnError(environment: [String: String], variable: String) {
        let error = chainError(environment, credentials: ChainFixtures.credentialsFile)
        #expect(error?.variable == variable)
        #expect(error?.description.contains("env-secret") == false)
    }

    @Test func webIdentityComesSecond() async throws {
        let directory = try TemporaryDirectory()
        let tokenFile = try directory.write("token", "jwt")
        let sts = FakeSTS()
        try await withFakeServer(sts.handle) { server in
            let environment = [
                "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/irsa",
                "AWS_ROLE_SESSION_NAME": "pod-1", "AWS_ENDPOINT_URL_STS": server.baseURL, "AWS_PROFILE": "base",
            ]
            let chain = try makeChain(environment, credentials: ChainFixtures.credentialsFile)
            #expect(chain.source.name == "webIdentity")
            #expect(chain.source.detail == "web identity role arn:aws:iam::123456789012:role/irsa, token \(tokenFile)")
            let credentials = try await chain.credentials()
            #expect(credentials.accessKeyID == "ASIASTS1")
            #expect(sts.calls.first?.form["RoleSessionName"] == "pod-1")
        }
    }

    @Test func aTokenFileWithoutARoleIsAnError() {
        let error = chainError(["AWS_WEB_IDENTITY_TOKEN_FILE": "/var/run/token"])
        #expect(error?.code == .missingVariable)
        #expect(error?.variable == "AWS_ROLE_ARN")
    }

    @Test func theProfileComesThird() async throws {
        let environment = ChainFixtures.noIMDS.merging([
            "AWS_PROFILE": "base", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:1/",
        ]) { $1 }
        let chain = try makeChain(environment, credentials: ChainFixtures.credentialsFile)
        #expect(chain.source == CredentialSource(name: "profile", detail: "profile base: static keys"))
        #expect(try await chain.credentials() == ChainFixtures.baseKeys)
    }

    @Test func aProfileWithoutCredentialSettingsFallsThrough() async throws {
        try await withFakeServer({ _ in .json(200, Self.containerDocument) }) { server in
            let environment = ["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/creds"]
            let chain = try makeChain(environment, config: "[default]\nregion = eu-west-1\noutput = json\n")
            #expect(chain.source == CredentialSource(name: "container", detail: server.baseURL + "/creds"))
            #expect(try await chain.credentials().accessKeyID == "ASIAECS")
        }
    }

    @Test func anExplicitProfileMustExist() {
        let error = chainError(
            ["AWS_PROFILE": "prod"], config: "[profile dev]\nregion = us-east-1\n",
            credentials: ChainFixtures.credentialsFile)
        #expect(error?.code == .profileNotFound)
        #expect(error?.variable == "AWS_PROFILE")
        #expect(error?.message == "AWS_PROFILE names profile prod, which is in neither config nor credentials")
    }

    @Test func aMissingDefaultProfileIsFine() throws {
        let chain = try makeChain([:], config: "[profile dev]\nregion = us-east-1\n")
        #expect(chain.source.name == "imds")
        #expect(chain.source.detail == "http://169.254.169.254")
    }

    @Test func instanceMetadataComesLast() async throws {
        let imds = FakeIMDS(
            document: credentialsJSON("ASIAIMDS", "imds-secret", token: "t", expiration: "2026-01-01T06:00:00Z"))
        try await withFakeServer(imds.handle) { server in
            let chain = try makeChain(["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL])
            #expect(chain.source == CredentialSource(name: "imds", detail: server.baseURL))
            #expect(try await chain.credentials().accessKeyID == "ASIAIMDS")
        }
    }

    @Test func nothingConfiguredAndNoIMDSIsAnError() {
        let error = chainError(ChainFixtures.noIMDS, config: "[default]\nregion = us-east-1\n")
        #expect(error?.code == .noCredentials)
        #expect(error?.message.contains("EC2 instance metadata is disabled") == true)
    }

    @Test func temporaryCredentialsAreCachedAndRotatedBeforeExpiry() async throws {
        let clock = TestClock()
        let served = Mutex(0)
        try await withFakeServer({ _ in
            let number = served.withLock { count in
                count += 1
                return count
            }
            return .json(
                200,
                credentialsJSON(
                    "ASIAECS\(number)", "s\(number)", token: "t\(number)", expiration: "2026-01-01T01:00:00Z"))
        }) { server in
            let events = Mutex<[String]>([])
            let chain = try makeChain(
                ["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/creds"], clock: clock,
                observer: { event in events.withLock { $0.append("\(event)") } })
            #expect(try await chain.credentials().accessKeyID == "ASIAECS1")
            clock.advance(3600 - 301)
            #expect(try await chain.credentials().accessKeyID == "ASIAECS1")
            clock.advance(2)
            #expect(try await chain.credentials().accessKeyID == "ASIAECS2")
            #expect(server.requests.count == 2)
            #expect(
                events.withLock { $0 } == [
                    "credentials refreshed (ASIAECS1, expire 2026-01-01T01:00:00Z)",
                    "credentials refreshed (ASIAECS2, expire 2026-01-01T01:00:00Z)",
                ])
        }
    }

    @Test func invalidateAfterARejectionFetchesAgainOnce() async throws {
        try await withFakeServer({ _ in .json(200, Self.containerDocument) }) { server in
            let chain = try makeChain(["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/creds"])
            let rejected = try await chain.credentials()
            for _ in 0..<5 {
                chain.invalidate(rejected: rejected)
            }
            _ = try await chain.credentials()
            #expect(server.requests.count == 2)
            chain.invalidate()
            _ = try await chain.credentials()
            #expect(server.requests.count == 3)
        }
    }
}
