// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Exchanges a web identity token (EKS IRSA, GitHub OIDC, …) for role credentials with STS
/// `AssumeRoleWithWebIdentity`. The token file is read again on every call, since EKS rotates it.
///
/// Configured by `AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_ARN` and `AWS_ROLE_SESSION_NAME`, or by a
/// profile's `web_identity_token_file`, `role_arn` and `role_session_name`.
public struct WebIdentityCredentialProvider: AWSCredentialProvider, CustomStringConvertible {
    /// The variable naming the token file.
    public static let tokenFileVariable = "AWS_WEB_IDENTITY_TOKEN_FILE"
    /// The variable naming the role.
    public static let roleARNVariable = "AWS_ROLE_ARN"
    /// The variable naming the session (optional).
    public static let sessionNameVariable = "AWS_ROLE_SESSION_NAME"

    /// The path of the token file.
    public let tokenFile: String
    /// The role and session name (external ID and duration are not used by this call).
    public let role: AssumeRoleParameters
    /// The STS endpoint.
    public let endpoint: STSEndpoint
    private let client: STSClient
    private let now: @Sendable () -> Date

    /// Creates a provider.
    /// - Parameters:
    ///   - tokenFile: The path of the token file.
    ///   - role: The role ARN and optional session name.
    ///   - endpoint: The STS endpoint.
    ///   - http: The HTTP client.
    ///   - timeout: The limit for the STS call; 10 seconds by default.
    ///   - now: The clock used for generated session names.
    public init(
        tokenFile: String, role: AssumeRoleParameters, endpoint: STSEndpoint, http: any CredentialHTTPClient,
        timeout: Duration = .seconds(10), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.tokenFile = tokenFile
        self.role = role
        self.endpoint = endpoint
        self.client = STSClient(http: http, endpoint: endpoint, timeout: timeout)
        self.now = now
    }

    /// Reads the token and calls `AssumeRoleWithWebIdentity`.
    /// - Throws: ``CredentialError`` (`fileUnreadable`, `serviceError` with STS's code, `unreachable`,
    ///   `invalidResponse`). Messages never contain the token.
    public func credentials() async throws(CredentialError) -> AWSCredentials {
        let token = try TokenFile.read(tokenFile, variable: Self.tokenFileVariable, what: "web identity token")
        return try await client.assumeRoleWithWebIdentity(
            roleARN: role.roleARN, sessionName: role.sessionName(at: now()), webIdentityToken: token)
    }

    /// For example `web identity role arn:aws:iam::123456789012:role/writer, token /var/run/…/token`.
    public var description: String { "web identity role \(role.roleARN), token \(tokenFile)" }
}
