// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Synchronization
import Testing

/// Every failure path that handles a secret must keep it out of error messages, descriptions and events.
@Suite struct SecretRedactionTests {
    static let secrets = [
        "wJalrXUtnFEMI-SECRET", "SESSION-TOKEN-SECRET", "JWT-SECRET", "CONTAINER-TOKEN-SECRET", "PROCESS-SECRET",
    ]

    static func expectClean(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for text in texts {
            for secret in secrets {
                #expect(!text.contains(secret), "\(text)", sourceLocation: sourceLocation)
            }
        }
    }

    static func texts(of error: (any Error)?) -> [String] {
        guard let error else { return [] }
        var dumped = ""
        dump(error, to: &dumped)
        return ["\(error)", String(reflecting: error), dumped]
    }

    @Test func configurationErrors() {
        let cases: [([String: String], String?, String?)] = [
            (["AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI-SECRET", "AWS_SESSION_TOKEN": "SESSION-TOKEN-SECRET"], nil, nil),
            (["AWS_PROFILE": "a"], nil, "[a]\naws_secret_access_key = wJalrXUtnFEMI-SECRET\n"),
            (
                ["AWS_PROFILE": "a"], "[profile a]\nrole_arn = arn:r\naws_secret_access_key = wJalrXUtnFEMI-SECRET\n",
                nil
            ),
            (
                [
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://example.com/",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN": "CONTAINER-TOKEN-SECRET",
                ],
                nil, nil
            ),
        ]
        for (environment, config, credentials) in cases {
            let error = chainError(environment, config: config, credentials: credentials)
            #expect(error != nil)
            Self.expectClean(Self.texts(of: error))
        }
    }

    @Test func serviceErrorsThatEchoSecrets() async throws {
        let directory = try TemporaryDirectory()
        let tokenFile = try directory.write("token", "JWT-SECRET")
        let signer = AWSCredentials(
            accessKeyID: "AKIDX", secretAccessKey: "wJalrXUtnFEMI-SECRET", sessionToken: "SESSION-TOKEN-SECRET")
        let sts = FakeSTS(knownKeys: [signer])
        try await withFakeServer(sts.handle) { server in
            let endpoint = STSEndpoint(url: server.baseURL + "/", signingRegion: "us-east-1")
            sts.fail("InvalidIdentityToken", message: "bad token JWT-SECRET")
            let webIdentity = WebIdentityCredentialProvider(
                tokenFile: tokenFile, role: AssumeRoleParameters(roleARN: "arn:r"), endpoint: endpoint,
                http: SocketHTTPClient())
            Self.expectClean(Self.texts(of: await caughtError { try await webIdentity.credentials() }))
            sts.fail("AccessDenied", message: "key wJalrXUtnFEMI-SECRET with token SESSION-TOKEN-SECRET denied")
            let assume = AssumeRoleCredentialProvider(
                role: AssumeRoleParameters(roleARN: "arn:r"), source: StaticCredentialProvider(signer),
                endpoint: endpoint, http: SocketHTTPClient())
            Self.expectClean(Self.texts(of: await caughtError { try await assume.credentials() }))
            Self.expectClean(["\(webIdentity)", "\(assume)"])
        }
        try await withFakeServer({ _ in .json(400, #"{"code":"x","message":"token CONTAINER-TOKEN-SECRET"}"#) }) {
            server in
            let container = try ContainerCredentialProvider(
                environment: [
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN": "CONTAINER-TOKEN-SECRET",
                ], http: SocketHTTPClient())
            Self.expectClean(Self.texts(of: await caughtError { try await container.credentials() }) + ["\(container)"])
        }
    }

    @Test func processOutputIsNeverQuoted() async {
        let command = #"printf '{"Version":9,"AccessKeyId":"A","SecretAccessKey":"PROCESS-SECRET"}'"#
        let provider = ProcessCredentialProvider(command: command, profileName: "p")
        Self.expectClean(Self.texts(of: await caughtError { try await provider.credentials() }))
    }

    @Test func eventsChainsAndConfigurationsDescribeWithoutSecrets() async throws {
        let events = Mutex<[String]>([])
        let environment = ["AWS_PROFILE": "a", "AWS_EC2_METADATA_DISABLED": "true"]
        let credentials =
            "[a]\naws_access_key_id = AKIDA\naws_secret_access_key = wJalrXUtnFEMI-SECRET\n"
            + "aws_session_token = SESSION-TOKEN-SECRET\n"
        let chain = try makeChain(environment, credentials: credentials) { event in
            events.withLock { $0.append("\(event)") }
        }
        let fetched = try await chain.credentials()
        #expect(fetched.secretAccessKey == "wJalrXUtnFEMI-SECRET")
        let shared = SharedConfiguration(config: nil, credentials: credentials, environment: environment)
        var dumped = ""
        dump(shared, to: &dumped)
        Self.expectClean(
            events.withLock { $0 } + [
                "\(chain)", "\(chain.source)", "\(chain.cache)", "\(fetched)", "\(shared)", String(reflecting: shared),
                dumped,
            ])
    }
}
