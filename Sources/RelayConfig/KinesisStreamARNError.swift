// SPDX-License-Identifier: Apache-2.0

/// Why a text is not a Kinesis stream ARN.
public struct KinesisStreamARNError: Error, Sendable, Hashable {
    /// One message per wrong part.
    public var problems: [String]
}
