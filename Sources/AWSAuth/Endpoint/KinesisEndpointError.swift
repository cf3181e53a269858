// SPDX-License-Identifier: Apache-2.0

/// Why no Kinesis endpoint could be resolved. Messages use botocore's wording where it has one.
public struct KinesisEndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of a ``KinesisEndpointError``. New categories may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidRegion, invalidEndpoint, partitionMismatch, unsupportedVariant, invalidProfile
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The region is empty, all digits, or not a host label.
        public static let invalidRegion = Code(.invalidRegion)
        /// A configured endpoint URL (`AWS_ENDPOINT_URL_KINESIS`, `AWS_ENDPOINT_URL`, profile) is not an
        /// `http(s)://host[:port][/path]` URL.
        public static let invalidEndpoint = Code(.invalidEndpoint)
        /// The stream ARN's partition is not the client region's partition.
        public static let partitionMismatch = Code(.partitionMismatch)
        /// Dual-stack was asked for in a partition that botocore models without it.
        public static let unsupportedVariant = Code(.unsupportedVariant)
        /// The profile names a `[services x]` section that does not exist (or is empty).
        public static let invalidProfile = Code(.invalidProfile)

        /// The category's name, for example `partitionMismatch`.
        public var description: String { base.rawValue }
    }

    /// The category of the failure.
    public var code: Code
    /// A human-readable explanation.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The category.
    ///   - message: A human-readable explanation.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// For example `partitionMismatch: Partition: aws-cn from ARN doesn't match with partition name: aws.`
    public var description: String { "\(code): \(message)" }
}
