// SPDX-License-Identifier: Apache-2.0

/// Picks the client region the way the SDKs do, then falls back to the stream ARN and, optionally, IMDS.
///
/// Order: `AWS_REGION`, `AWS_DEFAULT_REGION`, the selected profile's `region`, the stream ARN's region,
/// then (async variant only) the EC2 instance metadata's placement region. Empty values count as unset.
public enum RegionResolver {
    /// Returns the first non-empty of `AWS_REGION`, `AWS_DEFAULT_REGION`, and the ARN's region.
    ///
    /// Explicit configuration, when the daemon has any, comes before this; comparing it with the
    /// ARN's region (and refusing to start on a conflict) is the caller's business
    /// (see ``mismatch(_:streamARN:)``).
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - streamARN: The configured stream ARN, if any.
    /// - Returns: The region, or `nil` when none of the three is set.
    public static func resolve(environment: [String: String], streamARN: StreamARN?) -> String? {
        resolve(environment: environment, configuration: nil, streamARN: streamARN)?.region
    }

    /// Returns the region and where it came from: `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's
    /// `region`, or the ARN's region.
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - configuration: The shared files and selected profile, or `nil`.
    ///   - streamARN: The configured stream ARN, if any.
    /// - Returns: The choice, or `nil` when none is set.
    public static func resolve(
        environment: [String: String], configuration: SharedConfiguration?, streamARN: StreamARN?
    ) -> RegionChoice? {
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let value = environment[name], !value.isEmpty {
                return RegionChoice(region: value, source: name)
            }
        }
        if let configuration, let region = configuration.selectedProfile?.value("region") {
            return RegionChoice(region: region, source: "profile \(configuration.profileName)")
        }
        return streamARN.map { RegionChoice(region: $0.region, source: "the stream ARN") }
    }

    /// As ``resolve(environment:configuration:streamARN:)``, then the EC2 instance's region from IMDS
    /// (`/latest/meta-data/placement/region`) when nothing else gives one and `imds` is not `nil`.
    /// An IMDS failure gives `nil`, like no region at all.
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - configuration: The shared files and selected profile, or `nil`.
    ///   - streamARN: The configured stream ARN, if any.
    ///   - imds: The metadata client, or `nil` not to ask (for example when `AWS_EC2_METADATA_DISABLED` is true).
    public static func resolve(
        environment: [String: String], configuration: SharedConfiguration?, streamARN: StreamARN?,
        imds: IMDSClient?
    ) async -> RegionChoice? {
        if let choice = resolve(environment: environment, configuration: configuration, streamARN: streamARN) {
            return choice
        }
        guard let imds, let region = try? await imds.region() else { return nil }
        return RegionChoice(region: region, source: "EC2 instance metadata")
    }

    /// A one-line explanation when the region differs from the stream ARN's, else `nil`.
    ///
    /// PutRecords goes to the client region's endpoint and is signed for it, so a stream in another
    /// region is not found there.
    /// - Parameters:
    ///   - choice: The resolved region.
    ///   - streamARN: The configured stream ARN, if any.
    public static func mismatch(_ choice: RegionChoice, streamARN: StreamARN?) -> String? {
        guard let streamARN, streamARN.region != choice.region else { return nil }
        return "the stream ARN \(streamARN) is in region \(streamARN.region), but the region from "
            + "\(choice.source) is \(choice.region); requests would go to \(choice.region) and not find the stream. "
            + "Set the region to \(streamARN.region) (or unset \(choice.source) to use the ARN's region)"
    }
}
