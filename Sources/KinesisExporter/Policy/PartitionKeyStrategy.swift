// SPDX-License-Identifier: Apache-2.0

import Crypto

/// How each record's partition key is chosen. Pure, except that `.random` draws from the injected
/// generator.
///
/// Kinesis takes 1–256 characters. A key computed from an event that is longer is replaced by the
/// hex SHA-256 of its UTF-8 bytes (64 characters): stable, so one user's events still share a shard,
/// and never silently cut. An empty computed key falls back to `fallback` (GOFF's `"default"`).
public enum PartitionKeyStrategy: Sendable, Equatable {
    /// The same key for every record (GOFF's behaviour, with `"default"`).
    case constant(String)
    /// The event's `userKey` (targeting key): one user's events stay in order on one shard.
    case userKey
    /// The flag key (or tracking event name).
    case flagKey
    /// A random key per record: spreads evenly over every shard.
    case random

    /// The most UTF-16 code units Kinesis accepts in a partition key.
    public static let maximumLength = 256
    /// The key used when a computed key is empty.
    public static let fallback = "default"

    /// The partition key of one event.
    /// - Parameter randomBits: a source of 64 random bits (injected so tests can pin it).
    public func key(
        userKey: String, flagKey: String, randomBits: () -> UInt64 = { UInt64.random(in: .min ... .max) }
    )
        -> String
    {
        switch self {
        case .constant(let key): return key
        case .userKey: return Self.bounded(userKey)
        case .flagKey: return Self.bounded(flagKey)
        case .random:
            let bits = randomBits()
            return String(bits, radix: 16).leftPadded(to: 16)
        }
    }

    /// `key` if Kinesis accepts it as is, its SHA-256 hex if too long, ``fallback`` if empty.
    public static func bounded(_ key: String) -> String {
        if key.isEmpty { return fallback }
        if key.utf16.count <= maximumLength { return key }
        return SHA256.hash(data: Array(key.utf8)).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
