// SPDX-License-Identifier: Apache-2.0

/// An event bound for the exporters: GOFF keeps feature and tracking events in separate pipelines.
public enum ExportEvent: Sendable, Equatable {
    /// A flag evaluation.
    case feature(FeatureEvent)
    /// A custom tracking event.
    case tracking(TrackingEvent)

    /// The targeting key of the event.
    public var userKey: String {
        switch self {
        case .feature(let e): return e.userKey
        case .tracking(let e): return e.userKey
        }
    }

    /// The flag key (feature) or the tracking event name (tracking).
    public var key: String {
        switch self {
        case .feature(let e): return e.key
        case .tracking(let e): return e.key
        }
    }

    /// Unix time in seconds.
    public var creationDate: Int64 {
        switch self {
        case .feature(let e): return e.creationDate
        case .tracking(let e): return e.creationDate
        }
    }

    /// Appends Go's `json.Marshal` encoding of the event to `out` (no trailing newline).
    public func appendJSON(to out: inout [UInt8]) {
        switch self {
        case .feature(let e): e.appendJSON(to: &out)
        case .tracking(let e): e.appendJSON(to: &out)
        }
    }

    /// Go's `json.Marshal` encoding of the event (no trailing newline).
    public func jsonBytes() -> [UInt8] {
        switch self {
        case .feature(let e): return e.jsonBytes()
        case .tracking(let e): return e.jsonBytes()
        }
    }
}
