// SPDX-License-Identifier: Apache-2.0

/// Where a configuration value came from.
public enum ConfigOrigin: Sendable, Hashable {
    /// The configuration file, at a 1-based line and column.
    case file(line: Int, column: Int)
    /// An environment variable (its full name, prefix included).
    case environment(variable: String)
    /// Nowhere in particular (built-in defaults, an empty file).
    case none
}
