// SPDX-License-Identifier: Apache-2.0

/// Resolves the Kinesis PutRecords endpoint like botocore 1.43 does: configured endpoint URLs,
/// then Kinesis's endpoint rules (account-specific data-plane hosts for stream ARNs, FIPS, dual-stack).
///
/// | Input | URL |
/// |---|---|
/// | name, us-east-1 | `https://kinesis.us-east-1.amazonaws.com/` |
/// | ARN, us-east-1 | `https://123456789012.data-kinesis.us-east-1.amazonaws.com/` |
/// | ARN, FIPS, dual-stack | `https://123456789012.data-kinesis-fips.us-east-1.api.aws/` |
/// | name, FIPS, us-gov-west-1 | `https://kinesis.us-gov-west-1.amazonaws.com/` |
/// | ARN, us-iso-east-1 | `https://kinesis.us-iso-east-1.c2s.ic.gov/` (no account hosts in aws-iso, aws-iso-b) |
///
/// The host uses the client region, never the ARN's; the partitions must agree.
public struct KinesisEndpointResolver: Sendable {
    /// The service-specific endpoint variable, which wins over ``globalEndpointVariable``.
    public static let serviceEndpointVariable = "AWS_ENDPOINT_URL_KINESIS"
    /// The endpoint variable for every service.
    public static let globalEndpointVariable = "AWS_ENDPOINT_URL"
    /// When `true` (any case), every configured endpoint URL (variables and profile) is ignored.
    public static let ignoreEndpointsVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"
    /// When `true` (any case), FIPS endpoints are used.
    public static let fipsVariable = "AWS_USE_FIPS_ENDPOINT"
    /// When `true` (any case), dual-stack (IPv4 and IPv6) endpoints are used.
    public static let dualStackVariable = "AWS_USE_DUALSTACK_ENDPOINT"

    /// Resolves the endpoint for PutRecords from the environment alone.
    ///
    /// The same as ``resolve(region:streamARN:environment:configuration:)`` without shared files.
    public static func resolve(
        region: String,
        streamARN: StreamARN?,
        environment: [String: String]
    ) throws(KinesisEndpointError) -> KinesisEndpoint {
        try resolve(region: region, streamARN: streamARN, environment: environment, configuration: nil)
    }

    /// Resolves the endpoint for PutRecords.
    ///
    /// A configured endpoint URL is used as given (a `/` path is added when it has none), whatever
    /// the ARN, FIPS or dual-stack settings: botocore drops FIPS and dual-stack in that case. Configured
    /// URLs are looked up in botocore's order: `AWS_ENDPOINT_URL_KINESIS`, `AWS_ENDPOINT_URL`, the
    /// profile's `[services x]` section (`kinesis =` then an indented `endpoint_url = …`), the profile's
    /// `endpoint_url`; `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` or `ignore_configured_endpoint_urls`
    /// turns them all off. FIPS and dual-stack come from `AWS_USE_FIPS_ENDPOINT` and
    /// `AWS_USE_DUALSTACK_ENDPOINT`, else the profile's `use_fips_endpoint` and `use_dualstack_endpoint`;
    /// a variable that is set wins even when empty. Booleans are true only when they equal `true`, in
    /// any case, as in botocore.
    /// - Parameters:
    ///   - region: The client region (see ``RegionResolver``); it also becomes the signing region.
    ///   - streamARN: The stream ARN when the stream is addressed by ARN, else `nil`.
    ///   - environment: The process environment.
    ///   - configuration: The shared config files and selected profile, or `nil`.
    /// - Throws: ``KinesisEndpointError``.
    public static func resolve(
        region: String,
        streamARN: StreamARN?,
        environment: [String: String],
        configuration: SharedConfiguration?
    ) throws(KinesisEndpointError) -> KinesisEndpoint {
        guard isRegionName(region) else {
            throw KinesisEndpointError(
                code: .invalidRegion,
                message: "Provided region_name '\(region)' doesn't match a supported format."
            )
        }
        if let configured = try ConfiguredEndpoints.url(
            serviceID: "kinesis", environment: environment, configuration: configuration)
        {
            return KinesisEndpoint(url: try CustomEndpoint.requestURL(configured), signingRegion: region)
        }
        let fips = ConfiguredEndpoints.flag(
            variable: fipsVariable, profileKey: "use_fips_endpoint", environment, configuration)
        let dualStack = ConfiguredEndpoints.flag(
            variable: dualStackVariable, profileKey: "use_dualstack_endpoint", environment, configuration)
        let partition = AWSPartition.of(region: region)
        if dualStack, !partition.dualStack, partition.matches(region) {
            let variants = fips ? "['dualstack', 'fips']" : "['dualstack']"
            throw KinesisEndpointError(
                code: .unsupportedVariant,
                message: "Unable to construct a modeled endpoint with the following variant(s) \(variants): "
                    + "partition \(partition.name) has no dual-stack endpoints"
            )
        }
        let suffix = dualStack ? partition.dualStackDNSSuffix : partition.dnsSuffix
        if let streamARN, partition.accountEndpoints {
            guard streamARN.partition == partition.name else {
                throw KinesisEndpointError(
                    code: .partitionMismatch,
                    message: "Partition: \(streamARN.partition) from ARN doesn't match with partition name: "
                        + "\(partition.name)."
                )
            }
            let service = fips ? "data-kinesis-fips" : "data-kinesis"
            return KinesisEndpoint(
                url: "https://\(streamARN.accountID).\(service).\(region).\(suffix)/", signingRegion: region)
        }
        if fips, !dualStack, partition.name == "aws-us-gov" {
            // GovCloud's regular endpoints are FIPS endpoints already.
            return KinesisEndpoint(url: "https://kinesis.\(region).amazonaws.com/", signingRegion: region)
        }
        let service = fips ? "kinesis-fips" : "kinesis"
        return KinesisEndpoint(url: "https://\(service).\(region).\(suffix)/", signingRegion: region)
    }

    /// botocore's region check: 1 to 63 letters, digits or hyphens, no hyphen at either end, not all digits.
    static func isRegionName(_ region: String) -> Bool {
        StreamARN.isHostLabel(Substring(region)) && !region.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
