// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Assumes a role with STS `AssumeRole`, signing the call (SigV4) with a source provider's credentials,
/// as a profile with `role_arn` and `source_profile` or `credential_source` does.
///
/// When STS answers `ExpiredToken` and the source is a ``CachingCredentialProvider``, the source's
/// credentials are invalidated and the call is made once more with fresh ones.
public struct AssumeRoleCredentialProvider: AWSCredentialProvider, CustomStringConvertible {
    /// The role and session settings.
    public let role: AssumeRoleParameters
    /// Where the credentials that sign the call come from.
    public let source: any AWSCredentialProvider
    /// The STS endpoint.
    public let endpoint: STSEndpoint
    private let client: STSClient
    private let now: @Sendable () -> Date

    /// Creates a provider.
    /// - Parameters:
    ///   - role: The role and session settings.
    ///   - source: The provider of the signing credentials.
    ///   - endpoint: The STS endpoint (see ``STSEndpoint/resolve(region:environment:configuration:)``).
    ///   - http: The HTTP client.
    ///   - timeout: The limit for the STS call; 10 seconds by default.
    ///   - now: The signing clock (pass ``ClockSkew/now()`` to correct skew).
    public init(
        role: AssumeRoleParameters, source: any AWSCredentialProvider, endpoint: STSEndpoint,
        http: any CredentialHTTPClient, timeout: Duration = .seconds(10),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.role = role
        self.source = source
        self.endpoint = endpoint
        self.client = STSClient(http: http, endpoint: endpoint, timeout: timeout)
        self.now = now
    }

    /// Calls `AssumeRole` and returns the role's temporary credentials.
    /// - Throws: The source's error, or ``CredentialError`` (`serviceError` with STS's code, `unreachable`,
    ///   `invalidResponse`).
    public func credentials() async throws -> AWSCredentials {
        let sourceCredentials = try await source.credentials()
        do {
            return try await assume(with: sourceCredentials)
        } catch  where error.serviceCode == "ExpiredToken" {
            guard let cache = source as? CachingCredentialProvider else { throw error }
            cache.invalidate(rejected: sourceCredentials)
            return try await assume(with: try await cache.credentials())
        }
    }

    private func assume(with sourceCredentials: AWSCredentials) async throws(CredentialError) -> AWSCredentials {
        try await client.assumeRole(role, source: sourceCredentials, date: now())
    }

    /// For example `assume role arn:aws:iam::123456789012:role/writer via https://sts.eu-west-1.amazonaws.com/`.
    public var description: String { "assume role \(role.roleARN) via \(endpoint.url)" }
}
