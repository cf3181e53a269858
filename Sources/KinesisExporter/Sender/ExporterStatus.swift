// SPDX-License-Identifier: Apache-2.0

import Foundation

/// What an exporter has done so far, for `/info` and logs.
public struct ExporterStatus: Sendable, Equatable {
    /// Records Kinesis stored.
    public var recordsSent: Int = 0
    /// Per-record refusals (each retried).
    public var recordFailures: Int = 0
    /// Whole-call failures.
    public var callFailures: Int = 0
    /// Records moved to the dead-letter file.
    public var deadLettered: Int = 0
    /// When a call last succeeded.
    public var lastSuccess: Date?
    /// The last whole-call error, if the last call failed.
    public var lastError: String?

    /// Creates an empty status.
    public init() {}
}
