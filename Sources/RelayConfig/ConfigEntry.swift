// SPDX-License-Identifier: Apache-2.0

/// One `key: value` pair of a mapping.
public struct ConfigEntry: Sendable, Hashable {
    /// The key as written.
    public var key: String
    /// Where the key is.
    public var keyOrigin: ConfigOrigin
    /// The value.
    public var value: ConfigNode

    /// Creates an entry.
    public init(key: String, keyOrigin: ConfigOrigin, value: ConfigNode) {
        self.key = key
        self.keyOrigin = keyOrigin
        self.value = value
    }
}
