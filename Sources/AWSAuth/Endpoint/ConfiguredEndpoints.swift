// SPDX-License-Identifier: Apache-2.0

/// Endpoint URLs configured for a service, as botocore 1.43 looks them up
/// (`ConfiguredEndpointProvider`), and the boolean endpoint settings.
enum ConfiguredEndpoints {
    /// The variable that disables every configured endpoint URL when `true`.
    static let ignoreVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"
    /// The profile key that disables every configured endpoint URL when `true`.
    static let ignoreProfileKey = "ignore_configured_endpoint_urls"

    /// The configured URL for a service, in botocore's order: `AWS_ENDPOINT_URL_<ID>`, `AWS_ENDPOINT_URL`,
    /// the profile's `[services x]` section's `<id> = endpoint_url = …`, then the profile's `endpoint_url`.
    /// Empty values count as unset. Nothing when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` (or the profile's
    /// `ignore_configured_endpoint_urls`) is true; the variable wins over the profile when set at all.
    /// - Parameters:
    ///   - serviceID: The snake-case service ID, for example `kinesis` or `sts`.
    ///   - environment: The process environment.
    ///   - configuration: The shared files, or `nil`.
    /// - Throws: ``KinesisEndpointError`` `invalidProfile` when the profile names a `[services x]`
    ///   section that does not exist or is empty, and the lookup reaches it (botocore's `InvalidConfigError`).
    static func url(
        serviceID: String, environment: [String: String], configuration: SharedConfiguration?
    ) throws(KinesisEndpointError) -> String? {
        guard !flag(variable: ignoreVariable, profileKey: ignoreProfileKey, environment, configuration) else {
            return nil
        }
        for name in ["AWS_ENDPOINT_URL_\(serviceID.uppercased())", "AWS_ENDPOINT_URL"] {
            if let value = environment[name], !value.isEmpty {
                return value
            }
        }
        guard let configuration, let profile = configuration.selectedProfile else { return nil }
        if let sectionName = profile["services"] {
            guard let services = configuration.config.services[sectionName],
                !services.properties.isEmpty || !services.subProperties.isEmpty
            else {
                throw KinesisEndpointError(
                    code: .invalidProfile,
                    message: "The profile is configured to use the services section but the \"\(sectionName)\" "
                        + "services configuration does not exist.")
            }
            if let value = services.subProperties[serviceID.lowercased()]?["endpoint_url"], !value.isEmpty {
                return value
            }
        }
        return profile.value("endpoint_url")
    }

    /// botocore's `ensure_boolean` of a setting: the variable when set (even empty), else the profile key;
    /// true only for `true` in any case.
    static func flag(
        variable: String, profileKey: String, _ environment: [String: String], _ configuration: SharedConfiguration?
    ) -> Bool {
        let value =
            configuration?.setting(variable: variable, profileKey: profileKey, environment: environment)
            ?? environment[variable]
        return value?.lowercased() == "true"
    }
}
