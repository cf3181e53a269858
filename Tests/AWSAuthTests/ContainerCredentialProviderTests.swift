// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Testing

@Suite struct ContainerCredentialProviderTests {
    static let document = credentialsJSON(
        "ASIAECS", "ecs-secret", token: "ecs-session", expiration: "2026-01-01T06:00:00Z",
        extra: #""RoleArn":"arn:aws:iam::123456789012:role/task","AccountId":"123456789012","#)

    @Test func fullURIWithAToken() async throws {
        try await withFakeServer({ _ in .json(200, Self.document) }) { server in
            let provider = try ContainerCredentialProvider(
                environment: [
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/v1/credentials?x=1",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Basic c2VjcmV0",
                ], http: SocketHTTPClient())
            let credentials = try await provider.credentials()
            #expect(credentials.accessKeyID == "ASIAECS")
            #expect(credentials.secretAccessKey == "ecs-secret")
            #expect(credentials.sessionToken == "ecs-session")
            #expect(credentials.expiration == Date(timeIntervalSince1970: 1_767_247_200))
            let request = try #require(server.requests.first)
            #expect(request.method == "GET")
            #expect(request.target == "/v1/credentials?x=1")
            #expect(request.header("Authorization") == "Basic c2VjcmV0")
        }
    }

    @Test func theTokenFileWinsAndIsReadOnEveryCall() async throws {
        let directory = try TemporaryDirectory()
        let tokenFile = try directory.write("token", "eks-token-1\n")
        try await withFakeServer({ _ in .json(200, Self.document) }) { server in
            let provider = try ContainerCredentialProvider(
                environment: [
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/v1/credentials",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN": "ignored",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
                ], http: SocketHTTPClient())
            _ = try await provider.credentials()
            try directory.write("token", "eks-token-2")
            _ = try await provider.credentials()
            #expect(server.requests.map { $0.header("Authorization") } == ["eks-token-1", "eks-token-2"])
        }
    }

    @Test func noTokenNoAuthorizationHeader() async throws {
        try await withFakeServer({ _ in .json(200, Self.document) }) { server in
            let provider = try ContainerCredentialProvider(
                environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/creds"], http: SocketHTTPClient()
            )
            _ = try await provider.credentials()
            #expect(server.requests.first?.header("Authorization") == nil)
        }
    }

    @Test func relativeURIGoesToTheECSAddress() throws {
        let provider = try ContainerCredentialProvider(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/1234",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:1/ignored",
            ], http: SocketHTTPClient())
        #expect(provider.url == "http://169.254.170.2/v2/credentials/1234")
    }

    @Test(arguments: [
        "http://127.0.0.1:8080/creds", "http://127.1.2.3/creds", "http://localhost:80/creds", "http://[::1]:9/creds",
        "http://169.254.170.2/creds", "http://169.254.170.23/v1/credentials", "http://[fd00:ec2::23]/v1/credentials",
        "https://credentials.example.com/creds",
    ])
    func allowedFullURIs(uri: String) {
        #expect(throws: Never.self) {
            try ContainerCredentialProvider(
                environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri], http: SocketHTTPClient())
        }
    }

    @Test(arguments: [
        "http://example.com/creds", "http://10.0.0.1/creds", "http://169.254.169.254/creds", "http://128.0.0.1/x",
        "http://127.0.0.256/x", "ftp://127.0.0.1/x", "127.0.0.1/creds", "http://127.0.0.1.evil.com/x",
    ])
    func refusedFullURIs(uri: String) {
        let error = #expect(throws: CredentialError.self) {
            try ContainerCredentialProvider(
                environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri], http: SocketHTTPClient())
        }
        #expect(error?.code == .invalidSetting)
        #expect(error?.variable == "AWS_CONTAINER_CREDENTIALS_FULL_URI")
    }

    @Test func errorAnswersAreReportedWithoutTheToken() async throws {
        try await withFakeServer({ request in
            .json(403, #"{"code":"AccessDenied","message":"token \#(request.header("Authorization") ?? "") rejected"}"#)
        }) { server in
            let provider = try ContainerCredentialProvider(
                environment: [
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/creds",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN": "very-secret-token",
                ], http: SocketHTTPClient())
            let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
            #expect(error?.code == .serviceError)
            #expect(error?.serviceCode == "AccessDenied")
            #expect(error?.message.contains("HTTP 403") == true)
            #expect(error?.description.contains("very-secret-token") == false)
            #expect(error?.description.contains("<redacted>") == true)
        }
    }

    @Test func aTokenWithALineBreakIsRefused() async throws {
        let provider = try ContainerCredentialProvider(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:1/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "abc\r\nX-Injected: 1",
            ], http: SocketHTTPClient())
        let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
        #expect(error?.code == .invalidSetting)
    }

    @Test(arguments: [
        (#"{"AccessKeyId":"A"}"#, "lacks AccessKeyId or SecretAccessKey"),
        ("not json, secret-ish", "is not a JSON object of credentials"),
        (#"{"AccessKeyId":"A","SecretAccessKey":"S","Expiration":"tomorrow"}"#, "is not an ISO 8601 timestamp"),
    ])
    func malformedAnswers(body: String, fragment: String) async throws {
        try await withFakeServer({ _ in .json(200, body) }) { server in
            let provider = try ContainerCredentialProvider(
                environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/creds"], http: SocketHTTPClient()
            )
            let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
            #expect(error?.code == .invalidResponse)
            #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
            #expect(error?.message.contains("secret-ish") == false)
        }
    }
}
