// SPDX-License-Identifier: Apache-2.0

/// An exporter's `eventType`: which events it receives.
public enum EventType: String, Sendable, Hashable, CaseIterable {
    /// Flag-evaluation events (the default).
    case feature
    /// Tracking events.
    case tracking

    /// GOFF's rule: exactly `tracking` selects tracking events, any other value feature events.
    public init(goffValue text: String) {
        self = text == "tracking" ? .tracking : .feature
    }
}
