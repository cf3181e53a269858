// SPDX-License-Identifier: Apache-2.0

import Logging

/// The configuration value `durability: fsync | write | memory` of an exporter's hand-off log.
public enum EventLogDurability: String, Sendable, Hashable, CaseIterable {
    /// A ``FileEventSpool`` that flushes before acknowledging: survives a crash and a power loss.
    case fsync
    /// A ``FileEventSpool`` that writes before acknowledging: survives a process crash, not a power loss.
    case write
    /// A ``MemoryEventLog``: fastest; a crash or restart loses every event not yet delivered, and a full
    /// log always rejects (`whenFull` does not apply).
    case memory
}

/// Builds the hand-off log an exporter reads from.
public enum EventLogFactory {
    /// Makes the log for one exporter.
    /// - Parameters:
    ///   - directory: the exporter's own spool directory (created if missing; unused for `.memory`).
    ///   - durability: which log, and what an accepted event survives.
    ///   - maxBytes: the cap: bytes on disk, or pending record bytes for `.memory`.
    /// - Throws: ``FileEventSpoolError`` when the directory cannot be opened.
    public static func make(
        directory: String,
        durability: EventLogDurability,
        maxBytes: Int = 1 << 30,
        whenFull: FileEventSpool.WhenFull = .reject,
        segmentBytes: Int = 64 << 20,
        logger: Logger
    ) throws(FileEventSpoolError) -> any EventLog {
        let fileDurability: FileEventSpool.Durability
        switch durability {
        case .memory: return MemoryEventLog(capacityBytes: maxBytes)
        case .fsync: fileDurability = .fsync
        case .write: fileDurability = .write
        }
        return try FileEventSpool(
            directory: directory,
            configuration: .init(
                durability: fileDurability, maxSpoolBytes: maxBytes, whenFull: whenFull, segmentBytes: segmentBytes),
            logger: logger)
    }
}
