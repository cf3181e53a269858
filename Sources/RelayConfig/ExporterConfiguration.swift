// SPDX-License-Identifier: Apache-2.0

/// One configured exporter. goff-relay supports Kinesis only (for now).
public enum ExporterConfiguration: Sendable, Hashable {
    /// `kind: kinesis`.
    case kinesis(KinesisExporterConfiguration)

    /// Where the exporter is configured, e.g. `exporter` or `exporters[1]` (for logs).
    public var keyPath: String {
        switch self {
        case .kinesis(let kinesis): kinesis.keyPath
        }
    }
}
