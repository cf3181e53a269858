// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Synchronization
import Testing

/// A fake IMDSv2: tokens from `PUT /latest/api/token`, every GET must carry a live one.
final class FakeIMDS: Sendable {
    let role: String
    let document: String
    private let issued = Mutex<[String]>([])
    /// Tokens the fake forgets (as if they expired) before answering, so the next GET gets a 401.
    private let expireTokens = Mutex(false)

    init(role: String = "relay-role", document: String) {
        self.role = role
        self.document = document
    }

    func expireAllTokens() {
        expireTokens.withLock { $0 = true }
    }

    func handle(_ request: FakeHTTPServer.Request) -> FakeHTTPServer.Response {
        if request.method == "PUT", request.target == "/latest/api/token" {
            guard let ttl = request.header("X-aws-ec2-metadata-token-ttl-seconds"), Int(ttl) != nil else {
                return .text(400, "missing TTL")
            }
            let token = issued.withLock { tokens in
                tokens.append("token-\(tokens.count + 1)")
                return tokens[tokens.count - 1]
            }
            return .text(200, token, headers: [("X-aws-ec2-metadata-token-ttl-seconds", ttl)])
        }
        if expireTokens.withLock({ $0 }) {
            expireTokens.withLock { $0 = false }
            issued.withLock { $0.removeAll() }
        }
        guard request.method == "GET", let token = request.header("X-aws-ec2-metadata-token"),
            issued.withLock({ $0.contains(token) })
        else { return .text(401, "") }
        switch request.target {
        case "/latest/meta-data/iam/security-credentials/": return .text(200, role + "\n")
        case "/latest/meta-data/iam/security-credentials/\(role)": return .json(200, document)
        case "/latest/meta-data/placement/region": return .text(200, "eu-west-3")
        default: return .text(404, "")
        }
    }
}

@Suite struct IMDSCredentialProviderTests {
    static let document = credentialsJSON(
        "ASIAIMDS", "imds-secret", token: "imds-token", expiration: "2026-01-01T06:00:00Z",
        extra: #""Code":"Success","LastUpdated":"2026-01-01T00:00:00Z","Type":"AWS-HMAC","#)

    static func client(_ server: FakeHTTPServer, clock: TestClock = TestClock(), ttl: Int = 21600) throws -> IMDSClient
    {
        try IMDSClient(
            environment: [IMDSClient.endpointVariable: server.baseURL], http: SocketHTTPClient(), tokenTTL: ttl,
            now: clock.now)
    }

    @Test func fetchesTheRoleCredentialsWithASessionToken() async throws {
        let imds = FakeIMDS(document: Self.document)
        try await withFakeServer(imds.handle) { server in
            let provider = IMDSCredentialProvider(client: try Self.client(server))
            let credentials = try await provider.credentials()
            #expect(
                credentials
                    == AWSCredentials(
                        accessKeyID: "ASIAIMDS", secretAccessKey: "imds-secret", sessionToken: "imds-token",
                        expiration: Date(timeIntervalSince1970: 1_767_247_200)))
            let requests = server.requests
            #expect(
                requests.map { "\($0.method) \($0.target)" } == [
                    "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
                    "GET /latest/meta-data/iam/security-credentials/relay-role",
                ])
            #expect(requests[0].header("X-aws-ec2-metadata-token-ttl-seconds") == "21600")
            #expect(requests[1].header("X-aws-ec2-metadata-token") == "token-1")
            #expect(requests[2].header("X-aws-ec2-metadata-token") == "token-1")
        }
    }

    @Test func theTokenIsReusedUntilShortlyBeforeItsTTL() async throws {
        let imds = FakeIMDS(document: Self.document)
        try await withFakeServer(imds.handle) { server in
            let clock = TestClock()
            let provider = IMDSCredentialProvider(client: try Self.client(server, clock: clock, ttl: 300))
            _ = try await provider.credentials()
            clock.advance(239)
            _ = try await provider.credentials()
            #expect(server.requests.filter { $0.method == "PUT" }.count == 1)
            clock.advance(1)  // 60 s before the TTL ends
            _ = try await provider.credentials()
            let puts = server.requests.filter { $0.method == "PUT" }
            #expect(puts.count == 2)
            #expect(puts.allSatisfy { $0.header("X-aws-ec2-metadata-token-ttl-seconds") == "300" })
            #expect(server.requests.last?.header("X-aws-ec2-metadata-token") == "token-2")
        }
    }

    @Test func anUnauthorizedAnswerGetsANewTokenOnce() async throws {
        let imds = FakeIMDS(document: Self.document)
        try await withFakeServer(imds.handle) { server in
            let provider = IMDSCredentialProvider(client: try Self.client(server))
            _ = try await provider.credentials()
            imds.expireAllTokens()
            #expect(try await provider.credentials().accessKeyID == "ASIAIMDS")
            #expect(server.requests.map(\.method) == ["PUT", "GET", "GET", "GET", "PUT", "GET", "GET"])
        }
    }

    @Test func noInstanceProfileIsSaidPlainly() async throws {
        try await withFakeServer({ request in
            request.method == "PUT" ? .text(200, "t") : .text(404, "")
        }) { server in
            let provider = IMDSCredentialProvider(client: try Self.client(server))
            let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
            #expect(error?.message.contains("no IAM role is attached to this instance") == true)
        }
    }

    @Test func aFailureCodeIsAnError() async throws {
        let imds = FakeIMDS(document: #"{"Code":"AssumeRoleUnauthorizedAccess","Message":"denied"}"#)
        try await withFakeServer(imds.handle) { server in
            let provider = IMDSCredentialProvider(client: try Self.client(server))
            let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
            #expect(error?.code == .serviceError)
            #expect(error?.serviceCode == "AssumeRoleUnauthorizedAccess")
        }
    }

    @Test func anUnreachableServiceHintsAtTheHopLimit() async throws {
        let client = try IMDSClient(
            environment: [IMDSClient.endpointVariable: "http://127.0.0.1:\(try SocketIO.closedPort())"],
            http: SocketHTTPClient())
        let error = await #expect(throws: CredentialError.self) {
            try await IMDSCredentialProvider(client: client).credentials()
        }
        #expect(error?.code == .unreachable)
        #expect(error?.message.contains("hop limit") == true)
        #expect(error?.message.contains("AWS_EC2_METADATA_DISABLED=true") == true)
    }

    @Test func aRefusedTokenRequestIsAServiceError() async throws {
        try await withFakeServer({ _ in .text(403, "") }) { server in
            let error = await #expect(throws: CredentialError.self) {
                try await IMDSCredentialProvider(client: try Self.client(server)).credentials()
            }
            #expect(error?.code == .serviceError)
            #expect(error?.serviceCode == "403")
        }
    }

    @Test func theRegionComesFromPlacement() async throws {
        let imds = FakeIMDS(document: Self.document)
        try await withFakeServer(imds.handle) { server in
            let client = try Self.client(server)
            #expect(try await client.region() == "eu-west-3")
        }
    }

    @Test(arguments: [
        ([:], "http://169.254.169.254"),
        (["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv6"], "http://[fd00:ec2::254]"),
        (["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "ipv4"], "http://169.254.169.254"),
        (["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:1338/"], "http://127.0.0.1:1338"),
        (
            [
                "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:1338",
                "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv6",
            ],
            "http://127.0.0.1:1338"
        ),
    ])
    func endpointSettings(environment: [String: String], endpoint: String) throws {
        #expect(try IMDSClient(environment: environment, http: SocketHTTPClient()).endpoint == endpoint)
    }

    @Test func profileEndpointSettings() throws {
        let shared = SharedConfiguration(
            config: "[default]\nec2_metadata_service_endpoint_mode = IPv6\n", credentials: nil, environment: [:])
        let client = try IMDSClient(environment: [:], configuration: shared, http: SocketHTTPClient())
        #expect(client.endpoint == "http://[fd00:ec2::254]")
    }

    @Test(arguments: [
        ["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv5"], ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "169.254.169.254"],
    ])
    func invalidEndpointSettings(environment: [String: String]) {
        #expect(throws: CredentialError.self) { try IMDSClient(environment: environment, http: SocketHTTPClient()) }
    }

    @Test(arguments: [("true", true), ("TRUE", true), ("false", false), ("1", false), ("", false)])
    func disabledOnlyByTrue(value: String, disabled: Bool) {
        #expect(IMDSClient.isDisabled(environment: ["AWS_EC2_METADATA_DISABLED": value]) == disabled)
    }
}
