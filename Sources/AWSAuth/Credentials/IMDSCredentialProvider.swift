// SPDX-License-Identifier: Apache-2.0

/// The EC2 instance profile's role credentials, from IMDSv2: the role name from
/// `GET /latest/meta-data/iam/security-credentials/` (first line), then
/// `GET /latest/meta-data/iam/security-credentials/<role>`, JSON with `Code` `Success`.
public struct IMDSCredentialProvider: AWSCredentialProvider, CustomStringConvertible {
    /// The path listing the instance profile's role.
    public static let credentialsPath = "/latest/meta-data/iam/security-credentials/"

    /// The metadata client.
    public let client: IMDSClient

    /// Creates a provider.
    /// - Parameter client: The metadata client.
    public init(client: IMDSClient) {
        self.client = client
    }

    /// Fetches the role's credentials.
    /// - Throws: ``CredentialError``; a `404` on the role list means no instance profile is attached.
    public func credentials() async throws(CredentialError) -> AWSCredentials {
        let list: String
        do {
            list = try await client.get(Self.credentialsPath)
        } catch  where error.serviceCode == "404" {
            throw CredentialError(
                code: .serviceError, variable: "imds",
                message: "EC2 instance metadata: no IAM role is attached to this instance (HTTP 404 on "
                    + "\(Self.credentialsPath))", serviceCode: "404")
        }
        guard let role = list.split(whereSeparator: \.isNewline).first.map({ $0.trimmingBlanks() }), !role.isEmpty
        else {
            throw CredentialError(
                code: .invalidResponse, variable: "imds",
                message: "EC2 instance metadata: the role list at \(Self.credentialsPath) is empty")
        }
        let body = try await client.get(Self.credentialsPath + URIEncoding.encode(role.utf8))
        let what = "EC2 instance metadata role \(role)"
        let document = try CredentialJSON.decode(Array(body.utf8), what: what, variable: "imds")
        if let code = document.code, code != "Success" {
            throw CredentialError(
                code: .serviceError, variable: "imds", message: "\(what): Code is \(code.prefix(64)), not Success",
                serviceCode: String(code.prefix(64)))
        }
        return try document.credentials(what: what, variable: "imds")
    }

    /// For example `EC2 instance metadata http://169.254.169.254`.
    public var description: String { client.description }
}
