// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The AWS SDKs' default credential chain, decided once at start-up, with its credentials cached.
///
/// The first source that is configured wins, in this order (as the Go and Java SDKs decide):
/// 1. `environment`: `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`);
/// 2. `webIdentity`: `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN` (+ `AWS_ROLE_SESSION_NAME`), STS
///    `AssumeRoleWithWebIdentity` at the regional endpoint;
/// 3. `profile`: the `AWS_PROFILE` (else `default`) profile of the shared files, when it has credential
///    settings: `role_arn` (+ `source_profile`, `credential_source` or `web_identity_token_file`; STS
///    `AssumeRole` signed with the source's keys), static keys, or `credential_process`;
/// 4. `container`: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` or `_FULL_URI` (ECS, EKS Pod Identity);
/// 5. `imds`: EC2 instance metadata (IMDSv2), unless `AWS_EC2_METADATA_DISABLED=true`.
///
/// Misconfiguration is reported at initialization rather than skipped: half a key pair, a token file
/// without a role, an `AWS_PROFILE` that does not exist, a container URL on a foreign host.
/// The chosen source is wrapped in a ``CachingCredentialProvider`` (see its refresh rules).
/// ```swift
/// let shared = try SharedConfiguration.load(environment: environment)
/// let chain = try DefaultCredentialChain(
///     environment: environment, configuration: shared, region: region, http: client)
/// logger.info("AWS credentials from \(chain.source)")
/// ```
public final class DefaultCredentialChain: AWSCredentialProvider, CustomStringConvertible {
    /// Timeouts, refresh timing, clocks and the refresh observer.
    public struct Settings: Sendable {
        /// Refresh timing and the clock compared with expirations.
        public var cache: CachingCredentialProvider.Settings
        /// The limit for an STS call.
        public var stsTimeout: Duration
        /// The limit for a container endpoint request.
        public var containerTimeout: Duration
        /// The limit for an IMDS request.
        public var imdsTimeout: Duration
        /// The IMDS session token TTL, in seconds.
        public var imdsTokenTTL: Int
        /// The limit for one `credential_process` run.
        public var processTimeout: Duration
        /// The clock that signs STS `AssumeRole` calls; pass ``ClockSkew/now()`` to correct skew.
        public var signingClock: @Sendable () -> Date
        /// Called after every refresh of the chain's cache.
        public var observer: (@Sendable (CredentialRefreshEvent) -> Void)?

        /// Creates settings; every parameter has the SDK-like default.
        public init(
            cache: CachingCredentialProvider.Settings = CachingCredentialProvider.Settings(),
            stsTimeout: Duration = .seconds(10), containerTimeout: Duration = .seconds(5),
            imdsTimeout: Duration = .seconds(2), imdsTokenTTL: Int = 21600, processTimeout: Duration = .seconds(60),
            signingClock: @escaping @Sendable () -> Date = { Date() },
            observer: (@Sendable (CredentialRefreshEvent) -> Void)? = nil
        ) {
            self.cache = cache
            self.stsTimeout = stsTimeout
            self.containerTimeout = containerTimeout
            self.imdsTimeout = imdsTimeout
            self.imdsTokenTTL = imdsTokenTTL
            self.processTimeout = processTimeout
            self.signingClock = signingClock
            self.observer = observer
        }
    }

    /// The source that was chosen.
    public let source: CredentialSource
    /// The cache in front of the chosen provider.
    public let cache: CachingCredentialProvider

    /// Chooses the source.
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - configuration: The shared files (see ``SharedConfiguration/load(environment:)``).
    ///   - region: The client region, for STS's regional endpoint; `nil` uses the global endpoint.
    ///   - http: The HTTP client for STS, the container endpoint and IMDS.
    ///   - settings: Timeouts, refresh timing, clocks and the observer.
    /// - Throws: ``CredentialError`` when a source is misconfigured or none is configured (`noCredentials`).
    public init(
        environment: [String: String], configuration: SharedConfiguration, region: String?,
        http: any CredentialHTTPClient, settings: Settings = Settings()
    ) throws(CredentialError) {
        let (provider, source) = try Self.choose(
            environment: environment, configuration: configuration, region: region, http: http, settings: settings)
        self.source = source
        self.cache = CachingCredentialProvider(provider, settings: settings.cache, observer: settings.observer)
    }

    /// The current credentials (cached; refreshed ahead of expiry).
    public func credentials() async throws -> AWSCredentials {
        try await cache.credentials()
    }

    /// Forgets the cached credentials.
    public func invalidate() {
        cache.invalidate()
    }

    /// Forgets the cached credentials if they are the ones AWS rejected (`ExpiredToken…`).
    public func invalidate(rejected: AWSCredentials) {
        cache.invalidate(rejected: rejected)
    }

    /// For example `DefaultCredentialChain(profile: profile dev: static keys)`.
    public var description: String { "DefaultCredentialChain(\(source))" }

    private static func choose(
        environment: [String: String], configuration: SharedConfiguration, region: String?,
        http: any CredentialHTTPClient, settings: Settings
    ) throws(CredentialError) -> (any AWSCredentialProvider, CredentialSource) {
        func isSet(_ name: String) -> Bool { !(environment[name] ?? "").isEmpty }

        let keyVariables = [
            EnvironmentCredentialProvider.accessKeyIDVariable,
            EnvironmentCredentialProvider.secretAccessKeyVariable,
        ]
        if keyVariables.contains(where: isSet) {
            let provider = EnvironmentCredentialProvider(environment: environment)
            if case .failure(let error) = provider.result { throw error }
            return (provider, CredentialSource(name: "environment", detail: "AWS_ACCESS_KEY_ID"))
        }
        let resolver = ProfileCredentialResolver(
            environment: environment, configuration: configuration, region: region, http: http, settings: settings)
        if isSet(WebIdentityCredentialProvider.tokenFileVariable) {
            let tokenFile = environment[WebIdentityCredentialProvider.tokenFileVariable] ?? ""
            guard let roleARN = environment[WebIdentityCredentialProvider.roleARNVariable], !roleARN.isEmpty else {
                throw CredentialError(
                    code: .missingVariable, variable: WebIdentityCredentialProvider.roleARNVariable,
                    message: "\(WebIdentityCredentialProvider.tokenFileVariable) is set but "
                        + "\(WebIdentityCredentialProvider.roleARNVariable) is not")
            }
            let sessionName = environment[WebIdentityCredentialProvider.sessionNameVariable].flatMap {
                $0.isEmpty ? nil : $0
            }
            let endpoint = try resolver.stsEndpoint()
            let provider = WebIdentityCredentialProvider(
                tokenFile: tokenFile, role: AssumeRoleParameters(roleARN: roleARN, sessionName: sessionName),
                endpoint: endpoint, http: http, timeout: settings.stsTimeout, now: settings.signingClock)
            return (provider, CredentialSource(name: "webIdentity", detail: provider.description))
        }
        if configuration.profileIsExplicit || configuration.selectedProfile != nil,
            let (provider, detail) = try resolver.resolve(profile: configuration.profileName)
        {
            return (provider, CredentialSource(name: "profile", detail: detail))
        }
        if ContainerCredentialProvider.isConfigured(environment: environment) {
            let provider = try ContainerCredentialProvider(
                environment: environment, http: http, timeout: settings.containerTimeout)
            return (provider, CredentialSource(name: "container", detail: provider.url))
        }
        guard !IMDSClient.isDisabled(environment: environment) else {
            throw CredentialError(
                code: .noCredentials, variable: "AWS_ACCESS_KEY_ID",
                message: "no AWS credentials: none in the environment (AWS_ACCESS_KEY_ID, AWS_WEB_IDENTITY_TOKEN_FILE, "
                    + "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI), profile \(configuration.profileName) has no "
                    + "credential settings, and EC2 instance metadata is disabled (AWS_EC2_METADATA_DISABLED)")
        }
        let client = try IMDSClient(
            environment: environment, configuration: configuration, http: http, tokenTTL: settings.imdsTokenTTL,
            timeout: settings.imdsTimeout, now: settings.cache.now)
        return (IMDSCredentialProvider(client: client), CredentialSource(name: "imds", detail: client.endpoint))
    }
}
