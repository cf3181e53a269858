// SPDX-License-Identifier: Apache-2.0

/// A resolved region and the setting it came from.
public struct RegionChoice: Sendable, Hashable, CustomStringConvertible {
    /// The region, for example `eu-west-1`.
    public var region: String
    /// Where it came from: `AWS_REGION`, `AWS_DEFAULT_REGION`, `profile <name>`, `the stream ARN` or
    /// `EC2 instance metadata`.
    public var source: String

    /// Creates a choice.
    /// - Parameters:
    ///   - region: The region.
    ///   - source: Where it came from.
    public init(region: String, source: String) {
        self.region = region
        self.source = source
    }

    /// For example `eu-west-1 (from AWS_REGION)`.
    public var description: String { "\(region) (from \(source))" }
}
