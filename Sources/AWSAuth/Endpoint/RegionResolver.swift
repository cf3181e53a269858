// SPDX-License-Identifier: Apache-2.0

/// Picks the client region the way the SDKs do, then falls back to the stream ARN.
public enum RegionResolver {
    /// Returns the first non-empty of `AWS_REGION`, `AWS_DEFAULT_REGION`, and the ARN's region.
    ///
    /// Explicit configuration, when the daemon has any, comes before this; comparing it with the
    /// ARN's region (and refusing to start on a conflict) is the caller's business.
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - streamARN: The configured stream ARN, if any.
    /// - Returns: The region, or `nil` when none of the three is set.
    public static func resolve(environment: [String: String], streamARN: StreamARN?) -> String? {
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let value = environment[name], !value.isEmpty {
                return value
            }
        }
        return streamARN?.region
    }
}
