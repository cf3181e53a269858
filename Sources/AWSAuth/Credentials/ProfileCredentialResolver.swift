// SPDX-License-Identifier: Apache-2.0

/// Turns a profile's settings into a provider, in the SDKs' order: `role_arn` (with `source_profile`,
/// `credential_source` or `web_identity_token_file`), static keys, `credential_process`.
struct ProfileCredentialResolver {
    let environment: [String: String]
    let configuration: SharedConfiguration
    let region: String?
    let http: any CredentialHTTPClient
    let settings: DefaultCredentialChain.Settings

    /// The provider and a description, or `nil` when the profile has no credential settings.
    func resolve(
        profile name: String, path: [String] = []
    ) throws(CredentialError) -> (
        provider: any AWSCredentialProvider, detail: String
    )? {
        let variable = "profile \(name)"
        guard let section = configuration.profile(name) else {
            let referrer = path.last.map { "source_profile of profile \($0) names" } ?? "AWS_PROFILE names"
            throw CredentialError(
                code: .profileNotFound, variable: path.isEmpty ? SharedConfiguration.profileVariable : variable,
                message: "\(referrer) profile \(name), which is in neither \(configuration.configPath ?? "config") "
                    + "nor \(configuration.credentialsPath ?? "credentials")")
        }
        if let roleARN = section.value("role_arn") {
            return try assumeRole(roleARN, section: section, path: path)
        }
        if let keys = try staticKeys(section) {
            return (StaticCredentialProvider(keys), "profile \(name): static keys")
        }
        if let command = section.value("credential_process") {
            let provider = ProcessCredentialProvider(
                command: command, profileName: name, timeout: settings.processTimeout)
            return (provider, "profile \(name): credential_process")
        }
        if ["sso_session", "sso_start_url", "sso_account_id"].contains(where: { section.value($0) != nil }) {
            throw CredentialError(
                code: .unsupported, variable: variable,
                message: "\(variable) uses IAM Identity Center (SSO), which goff-relay does not support; use "
                    + "credential_process = aws configure export-credentials --profile \(name) --format process")
        }
        return nil
    }

    private func assumeRole(
        _ roleARN: String, section: ProfileSection, path: [String]
    ) throws(CredentialError) -> (provider: any AWSCredentialProvider, detail: String) {
        let name = section.name
        let variable = "profile \(name)"
        if section.value("mfa_serial") != nil {
            throw CredentialError(
                code: .unsupported, variable: variable,
                message: "\(variable) sets mfa_serial, which needs a person to type a code; goff-relay cannot")
        }
        let role = AssumeRoleParameters(
            roleARN: roleARN, sessionName: section.value("role_session_name"), externalID: section.value("external_id"),
            durationSeconds: try duration(section))
        let sourceProfile = section.value("source_profile")
        let credentialSource = section.value("credential_source")
        if sourceProfile != nil, credentialSource != nil {
            throw CredentialError(
                code: .invalidProfile, variable: variable,
                message: "\(variable) sets both source_profile and credential_source; keep one")
        }
        let source: any AWSCredentialProvider
        let sourceDetail: String
        if let sourceProfile {
            (source, sourceDetail) = try sourceCredentials(profile: sourceProfile, of: section, path: path)
        } else if let credentialSource {
            (source, sourceDetail) = try namedSource(credentialSource, variable: variable)
        } else if let tokenFile = section.value("web_identity_token_file") {
            let provider = WebIdentityCredentialProvider(
                tokenFile: tokenFile, role: role, endpoint: try stsEndpoint(), http: http,
                timeout: settings.stsTimeout, now: settings.signingClock)
            return (provider, "\(variable): web identity role \(roleARN), token \(tokenFile)")
        } else {
            throw CredentialError(
                code: .invalidProfile, variable: variable,
                message:
                    "\(variable) sets role_arn without source_profile, credential_source or web_identity_token_file")
        }
        let provider = AssumeRoleCredentialProvider(
            role: role, source: CachingCredentialProvider(source, settings: settings.cache),
            endpoint: try stsEndpoint(),
            http: http, timeout: settings.stsTimeout, now: settings.signingClock)
        return (provider, "\(variable): assume role \(roleARN) from \(sourceDetail)")
    }

    private func sourceCredentials(
        profile sourceName: String, of section: ProfileSection, path: [String]
    ) throws(CredentialError) -> (any AWSCredentialProvider, String) {
        let variable = "profile \(section.name)"
        if sourceName == section.name {
            guard let keys = try staticKeys(section) else {
                throw CredentialError(
                    code: .invalidProfile, variable: variable,
                    message: "\(variable) names itself as source_profile but has no aws_access_key_id")
            }
            return (StaticCredentialProvider(keys), "its own static keys")
        }
        let chain = path + [section.name]
        guard !chain.contains(sourceName) else {
            throw CredentialError(
                code: .invalidProfile, variable: variable,
                message: "source_profile cycle: \((chain + [sourceName]).joined(separator: " → "))")
        }
        guard let resolved = try resolve(profile: sourceName, path: chain) else {
            throw CredentialError(
                code: .invalidProfile, variable: variable,
                message: "\(variable) has source_profile \(sourceName), which has no credentials")
        }
        return (resolved.provider, "source \(resolved.detail)")
    }

    private func namedSource(
        _ name: String, variable: String
    ) throws(CredentialError) -> (
        any AWSCredentialProvider, String
    ) {
        switch name {
        case "Environment":
            let provider = EnvironmentCredentialProvider(environment: environment)
            if case .failure(let error) = provider.result { throw error }
            return (provider, "credential_source Environment")
        case "Ec2InstanceMetadata":
            let client = try IMDSClient(
                environment: environment, configuration: configuration, http: http, tokenTTL: settings.imdsTokenTTL,
                timeout: settings.imdsTimeout, now: settings.cache.now)
            return (IMDSCredentialProvider(client: client), "credential_source Ec2InstanceMetadata")
        case "EcsContainer":
            let provider = try ContainerCredentialProvider(
                environment: environment, http: http, timeout: settings.containerTimeout)
            return (provider, "credential_source EcsContainer (\(provider.url))")
        default:
            throw CredentialError(
                code: .invalidProfile, variable: variable,
                message: "\(variable) has credential_source \(name); expected Environment, Ec2InstanceMetadata or "
                    + "EcsContainer")
        }
    }

    private func staticKeys(_ section: ProfileSection) throws(CredentialError) -> AWSCredentials? {
        let accessKeyID = section.value("aws_access_key_id")
        let secretAccessKey = section.value("aws_secret_access_key")
        switch (accessKeyID, secretAccessKey) {
        case (let accessKeyID?, let secretAccessKey?):
            return AWSCredentials(
                accessKeyID: accessKeyID, secretAccessKey: secretAccessKey,
                sessionToken: section.value("aws_session_token"))
        case (nil, nil):
            return nil
        default:
            let missing = accessKeyID == nil ? "aws_access_key_id" : "aws_secret_access_key"
            throw CredentialError(
                code: .invalidProfile, variable: "profile \(section.name)",
                message: "profile \(section.name) has half a key pair: \(missing) is missing or empty")
        }
    }

    private func duration(_ section: ProfileSection) throws(CredentialError) -> Int? {
        guard let text = section.value("duration_seconds") else { return nil }
        guard let seconds = Int(text), (900...43200).contains(seconds) else {
            throw CredentialError(
                code: .invalidProfile, variable: "profile \(section.name)",
                message: "profile \(section.name): duration_seconds is \"\(text.prefix(20))\", not 900 to 43200")
        }
        return seconds
    }

    func stsEndpoint() throws(CredentialError) -> STSEndpoint {
        try STSEndpoint.resolve(region: region, environment: environment, configuration: configuration)
    }
}
