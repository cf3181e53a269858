// SPDX-License-Identifier: Apache-2.0

/// Why a string is not a Kinesis stream ARN. The message names the part at fault.
public struct StreamARNError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The part of the ARN at fault. New categories may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case malformed, partition, service, region, accountID, resourceType, streamName
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// Not `arn:` followed by six `:`-separated fields.
        public static let malformed = Code(.malformed)
        /// The partition is empty or not a lowercase DNS-like name (`aws`, `aws-cn`, …).
        public static let partition = Code(.partition)
        /// The service is not `kinesis`.
        public static let service = Code(.service)
        /// The region is empty or not a valid host label.
        public static let region = Code(.region)
        /// The account ID is not 12 digits.
        public static let accountID = Code(.accountID)
        /// The resource is not `stream/<name>`.
        public static let resourceType = Code(.resourceType)
        /// The stream name is empty, longer than 128 characters, or has characters outside `a-zA-Z0-9_.-`.
        public static let streamName = Code(.streamName)

        /// The category's name, for example `accountID`.
        public var description: String { base.rawValue }
    }

    /// The part at fault.
    public var code: Code
    /// A human-readable explanation that quotes the input.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The part at fault.
    ///   - message: A human-readable explanation.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// For example `accountID: invalid stream ARN "arn:…": the account ID "1234" is not 12 digits`.
    public var description: String { "\(code): \(message)" }
}
