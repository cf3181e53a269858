// SPDX-License-Identifier: Apache-2.0

/// `durability`: when an accepted request counts as stored, which decides what a crash can lose.
///
/// Applies to the spool of every exporter (under `dataDir`).
public enum Durability: String, Sendable, Hashable, CaseIterable {
    /// Records are written and flushed to stable storage (`fsync`, group-committed) before the
    /// HTTP answer: nothing acknowledged is lost, even on power loss. The default.
    case fsync
    /// Records are written to the spool files (the operating system's cache) before the HTTP
    /// answer, without `fsync`: survives a crash of goff-relay, not of the machine.
    case write
    /// Records are kept in memory only, in a log bounded by `collector.maxQueueBytes` that rejects
    /// requests when full (`maxSpoolBytes` and `whenFull` do not apply): fastest, and everything not
    /// yet sent is lost when goff-relay stops.
    case memory

    /// Parses a mode ignoring case (`FSYNC`, `Write`, ...).
    public init?(parsing text: String) {
        guard let durability = Durability(rawValue: text.lowercased()) else { return nil }
        self = durability
    }
}
