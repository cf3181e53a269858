// SPDX-License-Identifier: Apache-2.0

/// Where STS calls go and how they are signed: the regional endpoint `https://sts.{region}.{dnsSuffix}/`
/// (FIPS `sts-fips.`, dual-stack `{dualStackSuffix}`), the global `https://sts.amazonaws.com/` when no
/// region is known, or a configured URL (`AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL`, the profile's
/// `[services x]` `sts` entry, the profile's `endpoint_url`).
public struct STSEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The request URL, for example `https://sts.eu-west-1.amazonaws.com/`.
    public let url: String
    /// The SigV4 region (`us-east-1` for the global endpoint).
    public let signingRegion: String

    /// Creates an endpoint.
    /// - Parameters:
    ///   - url: The request URL.
    ///   - signingRegion: The SigV4 region.
    public init(url: String, signingRegion: String) {
        self.url = url
        self.signingRegion = signingRegion
    }

    /// Resolves the STS endpoint for a client region.
    /// - Parameters:
    ///   - region: The client region, or `nil` for the global endpoint.
    ///   - environment: The process environment.
    ///   - configuration: The shared files, or `nil`.
    /// - Throws: ``CredentialError`` `invalidSetting` for an invalid region or configured URL.
    public static func resolve(
        region: String?, environment: [String: String], configuration: SharedConfiguration?
    ) throws(CredentialError) -> STSEndpoint {
        let signingRegion = region.flatMap { $0.isEmpty || $0 == "aws-global" ? nil : $0 } ?? "us-east-1"
        do {
            if let configured = try ConfiguredEndpoints.url(
                serviceID: "sts", environment: environment, configuration: configuration)
            {
                return STSEndpoint(url: try CustomEndpoint.requestURL(configured), signingRegion: signingRegion)
            }
        } catch {
            throw CredentialError(code: .invalidSetting, variable: "AWS_ENDPOINT_URL_STS", message: error.message)
        }
        guard let region, !region.isEmpty, region != "aws-global" else {
            return STSEndpoint(url: "https://sts.amazonaws.com/", signingRegion: "us-east-1")
        }
        guard KinesisEndpointResolver.isRegionName(region) else {
            throw CredentialError(
                code: .invalidSetting, variable: "AWS_REGION", message: "the region \"\(region)\" is not a region name")
        }
        let fips = ConfiguredEndpoints.flag(
            variable: KinesisEndpointResolver.fipsVariable, profileKey: "use_fips_endpoint", environment,
            configuration)
        let dualStack = ConfiguredEndpoints.flag(
            variable: KinesisEndpointResolver.dualStackVariable, profileKey: "use_dualstack_endpoint", environment,
            configuration)
        let partition = AWSPartition.of(region: region)
        let suffix = dualStack && partition.dualStack ? partition.dualStackDNSSuffix : partition.dnsSuffix
        let host = fips ? "sts-fips" : "sts"
        return STSEndpoint(url: "https://\(host).\(region).\(suffix)/", signingRegion: region)
    }

    /// For example `https://sts.eu-west-1.amazonaws.com/ (signed for eu-west-1/sts)`.
    public var description: String { "\(url) (signed for \(signingRegion)/sts)" }
}
