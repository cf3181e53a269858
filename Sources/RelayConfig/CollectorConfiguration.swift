// SPDX-License-Identifier: Apache-2.0

/// The `collector` section (goff-relay's own): limits of the `/v1/data/collector` endpoint.
public struct CollectorConfiguration: Sendable, Hashable {
    /// Default `collector.maxBodyBytes`: 16 MiB.
    public static let defaultMaxBodyBytes = 16 * 1024 * 1024
    /// Default `collector.maxQueueBytes`: 16 MiB (about 50,000 events of 300 bytes; under sustained overload
    /// the process then stays near 120 MB resident: a queued record costs about four times its size).
    public static let defaultMaxQueueBytes = 16 * 1024 * 1024

    /// `collector.maxBodyBytes`: the largest request body accepted.
    public var maxBodyBytes: Int
    /// `collector.maxQueueBytes`: bound of each exporter's in-memory event log, used only with
    /// `durability: memory` (the spool bounds the backlog otherwise, see `maxSpoolBytes`); at least
    /// `maxBodyBytes`.
    public var maxQueueBytes: Int

    /// Creates collector limits.
    public init(maxBodyBytes: Int = defaultMaxBodyBytes, maxQueueBytes: Int = defaultMaxQueueBytes) {
        self.maxBodyBytes = maxBodyBytes
        self.maxQueueBytes = maxQueueBytes
    }
}
