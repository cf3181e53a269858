// SPDX-License-Identifier: Apache-2.0

/// Fetches credentials from the ECS task role endpoint or the EKS Pod Identity agent.
///
/// - `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (ECS): `GET http://169.254.170.2<uri>`.
/// - `AWS_CONTAINER_CREDENTIALS_FULL_URI`: `GET <uri>`; `https` to any host, `http` only to a loopback
///   address (`127.0.0.0/8`, `[::1]`, `localhost`), the ECS address `169.254.170.2` or the EKS Pod
///   Identity addresses `169.254.170.23` and `[fd00:ec2::23]`. Host names are not resolved.
/// - `Authorization` carries the content of `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read again on every
///   call; EKS rotates it), else `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
/// The answer is JSON `{AccessKeyId, SecretAccessKey, Token, Expiration}`.
public struct ContainerCredentialProvider: AWSCredentialProvider, CustomStringConvertible {
    /// The ECS variable: a path on `http://169.254.170.2`.
    public static let relativeURIVariable = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"
    /// The full URL variable (EKS Pod Identity, local emulators).
    public static let fullURIVariable = "AWS_CONTAINER_CREDENTIALS_FULL_URI"
    /// The variable holding the authorization token.
    public static let tokenVariable = "AWS_CONTAINER_AUTHORIZATION_TOKEN"
    /// The variable naming the authorization token file (wins over ``tokenVariable``).
    public static let tokenFileVariable = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"
    /// The ECS credential endpoint host.
    public static let ecsHost = "169.254.170.2"
    /// Hosts allowed over plain http besides loopback addresses.
    static let allowedHTTPHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "[fd00:ec2::23]", "localhost"]

    /// The URL credentials are fetched from.
    public let url: String
    private let token: String?
    private let tokenFile: String?
    private let http: any CredentialHTTPClient
    private let timeout: Duration

    /// Whether the environment configures the container endpoint (either URI variable set and non-empty).
    public static func isConfigured(environment: [String: String]) -> Bool {
        [relativeURIVariable, fullURIVariable].contains { !(environment[$0] ?? "").isEmpty }
    }

    /// Reads the configuration from the environment.
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - http: The HTTP client.
    ///   - timeout: The limit for one request; 5 seconds by default.
    /// - Throws: ``CredentialError``: `missingVariable` when neither URI variable is set, `invalidSetting`
    ///   when the full URI is not allowed.
    public init(
        environment: [String: String], http: any CredentialHTTPClient, timeout: Duration = .seconds(5)
    ) throws(CredentialError) {
        if let relative = environment[Self.relativeURIVariable], !relative.isEmpty {
            url = "http://\(Self.ecsHost)" + (relative.hasPrefix("/") ? relative : "/" + relative)
        } else if let full = environment[Self.fullURIVariable], !full.isEmpty {
            try Self.check(fullURI: full)
            url = full
        } else {
            throw CredentialError(
                code: .missingVariable, variable: Self.relativeURIVariable,
                message: "neither \(Self.relativeURIVariable) nor \(Self.fullURIVariable) is set")
        }
        token = environment[Self.tokenVariable].flatMap { $0.isEmpty ? nil : $0 }
        tokenFile = environment[Self.tokenFileVariable].flatMap { $0.isEmpty ? nil : $0 }
        self.http = http
        self.timeout = timeout
    }

    /// Fetches the credentials.
    /// - Throws: ``CredentialError`` (`fileUnreadable`, `invalidSetting`, `serviceError`, `unreachable`,
    ///   `invalidResponse`); messages never contain the token or the keys.
    public func credentials() async throws(CredentialError) -> AWSCredentials {
        var headers: [(String, String)] = [("Accept", "application/json")]
        var authorization = token
        if let tokenFile {
            authorization = try TokenFile.read(
                tokenFile, variable: Self.tokenFileVariable, what: "container authorization token")
        }
        if let authorization {
            guard !authorization.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                throw CredentialError(
                    code: .invalidSetting, variable: tokenFile == nil ? Self.tokenVariable : Self.tokenFileVariable,
                    message: "the container authorization token contains a line break")
            }
            headers.append(("Authorization", authorization))
        }
        let what = "container credentials endpoint"
        let response = try await http.exchange(
            "GET", url, headers: headers, timeout: timeout, what: what, variable: Self.fullURIVariable)
        guard response.status == 200 else {
            let detail = try? CredentialJSON.decode(response.body, what: what, variable: Self.fullURIVariable)
            let code = detail?.errorCode
            let message = detail?.errorMessage.map { Redaction.scrub($0, secrets: [authorization]) }
            throw CredentialError(
                code: .serviceError, variable: Self.fullURIVariable,
                message: "\(what) \(url) answered HTTP \(response.status)" + (code.map { ": \($0)" } ?? "")
                    + (message.map { ": \($0)" } ?? ""),
                serviceCode: code)
        }
        return try CredentialJSON.decode(response.body, what: what, variable: Self.fullURIVariable)
            .credentials(what: what, variable: Self.fullURIVariable)
    }

    /// For example `container endpoint http://169.254.170.2/v2/credentials/…`.
    public var description: String { "container endpoint \(url)" }

    /// Accepts `https://` anywhere and `http://` on the allowed hosts only.
    static func check(fullURI: String) throws(CredentialError) {
        let parsed = SigningURL(fullURI)
        let host = parsed.host.lowercased()
        guard !host.isEmpty, ["http", "https"].contains(parsed.scheme) else {
            throw CredentialError(
                code: .invalidSetting, variable: fullURIVariable,
                message: "\(fullURIVariable) \(fullURI) is not an http(s) URL with a host")
        }
        guard parsed.scheme == "https" || allowedHTTPHosts.contains(host) || isLoopback(host) else {
            throw CredentialError(
                code: .invalidSetting, variable: fullURIVariable,
                message: "\(fullURIVariable) \(fullURI) must use https, or http to a loopback address, "
                    + "169.254.170.2, 169.254.170.23 or [fd00:ec2::23]")
        }
    }

    /// `127.x.y.z` or `[::1]`.
    static func isLoopback(_ host: String) -> Bool {
        if host == "[::1]" || host == "[0:0:0:0:0:0:0:1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127"
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                    && (Int(part) ?? 256) <= 255
            }
    }
}
