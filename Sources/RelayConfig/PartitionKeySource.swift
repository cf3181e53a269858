// SPDX-License-Identifier: Apache-2.0

/// Where a Kinesis exporter takes each record's partition key from: `partitionKey` (one fixed key)
/// or `partitionKeyFrom` (a key per event). The key decides the shard a record goes to.
public enum PartitionKeySource: Sendable, Hashable {
    /// `partitionKey`: the same key for every record (GOFF's behaviour, with `default`), so every
    /// record goes to one shard.
    case constant(String)
    /// `partitionKeyFrom: userKey`: the event's `userKey`; one user's events stay in order on one shard.
    case userKey
    /// `partitionKeyFrom: flagKey`: the event's `key` (the flag key, or a tracking event's key).
    case flagKey
    /// `partitionKeyFrom: random`: a random key per record, spreading records evenly over shards.
    case random

    /// The values `partitionKeyFrom` accepts, spelled as in the configuration (case-sensitive).
    public static let configurationValues = ["userKey", "flagKey", "random"]

    /// Parses a `partitionKeyFrom` value; exact spelling only (`userKey`, `flagKey`, `random`).
    public init?(partitionKeyFrom text: String) {
        switch text {
        case "userKey": self = .userKey
        case "flagKey": self = .flagKey
        case "random": self = .random
        default: return nil
        }
    }

    /// The `partitionKeyFrom` value of a per-event source; `nil` for ``constant(_:)``.
    public var partitionKeyFrom: String? {
        switch self {
        case .constant: nil
        case .userKey: "userKey"
        case .flagKey: "flagKey"
        case .random: "random"
        }
    }
}
