// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Testing

@Suite struct ProfileCredentialTests {
    static let role = "arn:aws:iam::123456789012:role/writer"

    @Test func assumeRoleFromASourceProfileIsSignedWithItsKeys() async throws {
        let sts = FakeSTS(knownKeys: [ChainFixtures.baseKeys])
        try await withFakeServer(sts.handle) { server in
            let config = """
                [profile writer]
                role_arn = \(Self.role)
                source_profile = base
                external_id = ext-7
                duration_seconds = 900
                role_session_name = relay
                """
            let chain = try makeChain(
                ["AWS_PROFILE": "writer", "AWS_ENDPOINT_URL_STS": server.baseURL], config: config,
                credentials: ChainFixtures.credentialsFile)
            #expect(
                chain.source.detail == "profile writer: assume role \(Self.role) from source profile base: static keys")
            let credentials = try await chain.credentials()
            #expect(credentials.accessKeyID == "ASIASTS1")
            #expect(credentials.secretAccessKey == "sts/secret+1")
            let call = try #require(sts.calls.first)
            #expect(call.signedBy == "AKIDBASE")
            #expect(
                FakeSTS.authorizationFields(call.authorization ?? "")["Credential"]
                    == "AKIDBASE/20260101/eu-west-1/sts/aws4_request")
            #expect(call.form["ExternalId"] == "ext-7")
            #expect(call.form["DurationSeconds"] == "900")
            #expect(call.form["RoleSessionName"] == "relay")
        }
    }

    @Test func roleChainsAssumeEachRoleWithThePreviousOnesCredentials() async throws {
        let sts = FakeSTS(knownKeys: [ChainFixtures.baseKeys])
        try await withFakeServer(sts.handle) { server in
            let config = """
                [profile hop]
                role_arn = arn:aws:iam::111111111111:role/hop
                source_profile = base
                [profile target]
                role_arn = arn:aws:iam::222222222222:role/target
                source_profile = hop
                """
            let chain = try makeChain(
                ["AWS_PROFILE": "target", "AWS_ENDPOINT_URL_STS": server.baseURL], config: config,
                credentials: ChainFixtures.credentialsFile)
            #expect(try await chain.credentials().accessKeyID == "ASIASTS2")
            #expect(
                sts.calls.map { $0.form["RoleArn"] } == [
                    "arn:aws:iam::111111111111:role/hop", "arn:aws:iam::222222222222:role/target",
                ])
            #expect(sts.calls.map(\.signedBy) == ["AKIDBASE", "ASIASTS1"])
            #expect(server.requests.last?.header("X-Amz-Security-Token") == "sts-token-1&<x>")
        }
    }

    @Test func aProfileCanBeItsOwnSource() async throws {
        let sts = FakeSTS(knownKeys: [ChainFixtures.baseKeys])
        try await withFakeServer(sts.handle) { server in
            let credentials = ChainFixtures.credentialsFile + "\nrole_arn = \(Self.role)\nsource_profile = base\n"
            let chain = try makeChain(
                ["AWS_PROFILE": "base", "AWS_ENDPOINT_URL_STS": server.baseURL], credentials: credentials)
            #expect(chain.source.detail == "profile base: assume role \(Self.role) from its own static keys")
            _ = try await chain.credentials()
            #expect(sts.calls.first?.signedBy == "AKIDBASE")
        }
    }

    @Test func credentialSourceEcsContainerSignsWithTheContainerRole() async throws {
        let sts = FakeSTS(knownKeys: [
            AWSCredentials(accessKeyID: "ASIAECS", secretAccessKey: "ecs-secret", sessionToken: "ecs-token")
        ])
        let document = credentialsJSON("ASIAECS", "ecs-secret", token: "ecs-token", expiration: "2026-01-01T01:00:00Z")
        try await withFakeServer(sts.handle) { stsServer in
            try await withFakeServer({ _ in .json(200, document) }) { ecs in
                let chain = try makeChain(
                    [
                        "AWS_PROFILE": "x", "AWS_ENDPOINT_URL_STS": stsServer.baseURL,
                        "AWS_CONTAINER_CREDENTIALS_FULL_URI": ecs.baseURL + "/creds",
                    ], config: "[profile x]\nrole_arn = \(Self.role)\ncredential_source = EcsContainer\n")
                #expect(chain.source.detail.hasSuffix("from credential_source EcsContainer (\(ecs.baseURL)/creds)"))
                _ = try await chain.credentials()
                #expect(sts.calls.first?.signedBy == "ASIAECS")
            }
        }
    }

    @Test func credentialSourceEc2InstanceMetadataSignsWithTheInstanceRole() async throws {
        let sts = FakeSTS(knownKeys: [
            AWSCredentials(accessKeyID: "ASIAIMDS", secretAccessKey: "imds-secret", sessionToken: "imds-token")
        ])
        let imds = FakeIMDS(
            document: credentialsJSON(
                "ASIAIMDS", "imds-secret", token: "imds-token", expiration: "2026-01-01T06:00:00Z"))
        try await withFakeServer(sts.handle) { stsServer in
            try await withFakeServer(imds.handle) { imdsServer in
                let chain = try makeChain(
                    [
                        "AWS_PROFILE": "x", "AWS_ENDPOINT_URL_STS": stsServer.baseURL,
                        "AWS_EC2_METADATA_SERVICE_ENDPOINT": imdsServer.baseURL,
                    ], config: "[profile x]\nrole_arn = \(Self.role)\ncredential_source = Ec2InstanceMetadata\n")
                _ = try await chain.credentials()
                #expect(sts.calls.first?.signedBy == "ASIAIMDS")
            }
        }
    }

    @Test func credentialSourceEnvironmentNeedsTheKeys() {
        let error = chainError(
            ["AWS_PROFILE": "x"], config: "[profile x]\nrole_arn = \(Self.role)\ncredential_source = Environment\n")
        #expect(error?.code == .missingVariable)
        #expect(error?.variable == "AWS_ACCESS_KEY_ID")
    }

    @Test func webIdentityInAProfile() async throws {
        let directory = try TemporaryDirectory()
        let tokenFile = try directory.write("token", "profile-jwt")
        let sts = FakeSTS()
        try await withFakeServer(sts.handle) { server in
            let chain = try makeChain(
                ["AWS_PROFILE": "eks", "AWS_ENDPOINT_URL_STS": server.baseURL],
                config:
                    "[profile eks]\nrole_arn = \(Self.role)\nweb_identity_token_file = \(tokenFile)\n"
                    + "role_session_name = s1\n"
            )
            #expect(chain.source.detail == "profile eks: web identity role \(Self.role), token \(tokenFile)")
            _ = try await chain.credentials()
            #expect(sts.calls.first?.action == "AssumeRoleWithWebIdentity")
            #expect(sts.calls.first?.form["WebIdentityToken"] == "profile-jwt")
            #expect(sts.calls.first?.form["RoleSessionName"] == "s1")
        }
    }

    @Test func credentialProcessInAProfileAndStaticKeysBeforeIt() async throws {
        let process = #"printf '{"Version":1,"AccessKeyId":"AKIDPROC","SecretAccessKey":"p"}'"#
        let chain = try makeChain(["AWS_PROFILE": "p"], config: "[profile p]\ncredential_process = \(process)\n")
        #expect(chain.source.detail == "profile p: credential_process")
        #expect(try await chain.credentials().accessKeyID == "AKIDPROC")
        let both = try makeChain(
            ["AWS_PROFILE": "p"], config: "[profile p]\ncredential_process = \(process)\n",
            credentials: "[p]\naws_access_key_id = AKIDSTATIC\naws_secret_access_key = s\n")
        #expect(try await both.credentials().accessKeyID == "AKIDSTATIC")
    }

    @Test(arguments: [
        (
            "[profile a]\nrole_arn = arn:r\nsource_profile = b\n[profile b]\nrole_arn = arn:r\nsource_profile = a\n",
            "invalidProfile", "source_profile cycle: a → b → a"
        ),
        (
            "[profile a]\nrole_arn = arn:r\nsource_profile = ghost\n", "profileNotFound",
            "source_profile of profile a names profile ghost, which is in neither config nor credentials"
        ),
        (
            "[profile a]\nrole_arn = arn:r\nsource_profile = b\n[profile b]\nregion = us-east-1\n", "invalidProfile",
            "profile a has source_profile b, which has no credentials"
        ),
        (
            "[profile a]\nrole_arn = arn:r\nsource_profile = b\ncredential_source = Environment\n", "invalidProfile",
            "profile a sets both source_profile and credential_source; keep one"
        ),
        (
            "[profile a]\nrole_arn = arn:r\n", "invalidProfile",
            "profile a sets role_arn without source_profile, credential_source or web_identity_token_file"
        ),
        (
            "[profile a]\nrole_arn = arn:r\ncredential_source = Laptop\n", "invalidProfile",
            "profile a has credential_source Laptop; expected Environment, Ec2InstanceMetadata or EcsContainer"
        ),
        (
            "[profile a]\nrole_arn = arn:r\nsource_profile = a\n", "invalidProfile",
            "profile a names itself as source_profile but has no aws_access_key_id"
        ),
        (
            "[profile a]\nrole_arn = arn:r\nsource_profile = b\nduration_seconds = 1h\n[profile b]\n", "invalidProfile",
            "profile a: duration_seconds is \"1h\", not 900 to 43200"
        ),
        (
            "[profile a]\nrole_arn = arn:r\nsource_profile = b\nmfa_serial = arn:mfa\n", "unsupported",
            "profile a sets mfa_serial, which needs a person to type a code; goff-relay cannot"
        ),
        (
            "[profile a]\nsso_session = corp\nsso_account_id = 123456789012\n", "unsupported",
            "profile a uses IAM Identity Center (SSO), which goff-relay does not support; use credential_process = "
                + "aws configure export-credentials --profile a --format process"
        ),
        (
            "[profile a]\naws_access_key_id = AKID\n", "invalidProfile",
            "profile a has half a key pair: aws_secret_access_key is missing or empty"
        ),
    ])
    func misconfiguredProfilesAreExplained(config: String, code: String, message: String) {
        let error = chainError(["AWS_PROFILE": "a"], config: config)
        #expect(error?.code.description == code)
        #expect(error?.message == message)
    }

    @Test(
        arguments: [
            ("eu-west-1", [:], nil, "https://sts.eu-west-1.amazonaws.com/ (signed for eu-west-1/sts)"),
            ("cn-north-1", [:], nil, "https://sts.cn-north-1.amazonaws.com.cn/ (signed for cn-north-1/sts)"),
            (
                "us-gov-west-1", ["AWS_USE_FIPS_ENDPOINT": "true"], nil,
                "https://sts-fips.us-gov-west-1.amazonaws.com/ (signed for us-gov-west-1/sts)"
            ),
            (
                "eu-west-1", ["AWS_USE_DUALSTACK_ENDPOINT": "true"], nil,
                "https://sts.eu-west-1.api.aws/ (signed for eu-west-1/sts)"
            ),
            (nil, [:], nil, "https://sts.amazonaws.com/ (signed for us-east-1/sts)"),
            ("aws-global", [:], nil, "https://sts.amazonaws.com/ (signed for us-east-1/sts)"),
            (
                "eu-west-1", ["AWS_ENDPOINT_URL": "http://127.0.0.1:4566"], nil,
                "http://127.0.0.1:4566/ (signed for eu-west-1/sts)"
            ),
            (
                "eu-west-1", ["AWS_ENDPOINT_URL_STS": "http://127.0.0.1:1", "AWS_ENDPOINT_URL": "http://127.0.0.1:2"],
                nil,
                "http://127.0.0.1:1/ (signed for eu-west-1/sts)"
            ),
            (
                "eu-west-1", [:], "[default]\nservices = s\n[services s]\nsts =\n  endpoint_url = http://127.0.0.1:3\n",
                "http://127.0.0.1:3/ (signed for eu-west-1/sts)"
            ),
            (
                "eu-west-1", [:], "[default]\nuse_fips_endpoint = true\n",
                "https://sts-fips.eu-west-1.amazonaws.com/ (signed for eu-west-1/sts)"
            ),
        ] as [(String?, [String: String], String?, String)])
    func stsEndpoints(region: String?, environment: [String: String], config: String?, expected: String) throws {
        let shared = SharedConfiguration(config: config, credentials: nil, environment: environment)
        let endpoint = try STSEndpoint.resolve(region: region, environment: environment, configuration: shared)
        #expect(endpoint.description == expected)
    }

    @Test func theProfilesRegionPicksTheRegionalSTSEndpoint() throws {
        let shared = SharedConfiguration(
            config: "[profile w]\nregion = ap-southeast-2\nrole_arn = \(Self.role)\nsource_profile = base\n",
            credentials: ChainFixtures.credentialsFile, environment: ["AWS_PROFILE": "w"])
        let region = RegionResolver.resolve(environment: [:], configuration: shared, streamARN: nil)?.region
        let chain = try DefaultCredentialChain(
            environment: ["AWS_PROFILE": "w"], configuration: shared, region: region, http: SocketHTTPClient())
        #expect(chain.source.detail.contains(Self.role))
        let provider = try #require((chain.cache.source as? AssumeRoleCredentialProvider))
        #expect(
            provider.endpoint
                == STSEndpoint(url: "https://sts.ap-southeast-2.amazonaws.com/", signingRegion: "ap-southeast-2"))
    }
}
