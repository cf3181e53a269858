// SPDX-License-Identifier: Apache-2.0

import Events

/// What a ``FlagNormalizer`` made of one raw flag.
public enum NormalizedFlag: Sendable, Equatable {
    /// The flag is valid; `json` is its encoding as GOFF's `json.Marshal(flag)` writes it (no trailing
    /// newline). It feeds the change hashes, the configuration body, the diffs and the persistent file.
    case valid(json: [UInt8])
    /// The flag is invalid and is left out of the store, as GOFF drops an invalid flag (the rest of the
    /// configuration is used). `reason` is logged.
    case invalid(reason: String)
}

/// Validates a raw flag and gives its canonical JSON.
///
/// The flag engine provides the real one (parse, GOFF's validation, re-encode with GOFF's field names and
/// order, so that `/v1/flag/change` hashes and `/v1/flag/configuration` bodies match GOFF's byte for byte).
/// ``RawFlagNormalizer`` is the engine-free default.
public protocol FlagNormalizer: Sendable {
    /// Normalizes one flag.
    /// - Parameters:
    ///   - key: The flag key.
    ///   - flag: The raw flag as decoded from the flag file (an object, or `null`).
    /// - Returns: ``NormalizedFlag/valid(json:)`` or ``NormalizedFlag/invalid(reason:)``.
    /// - Throws: ``FlagRetrievalError`` to reject the whole configuration, as Go's decoder rejects a whole
    ///   file on a type mismatch inside one flag; the previous flags are then kept.
    func normalize(key: String, flag: JSONValue) throws(FlagRetrievalError) -> NormalizedFlag
}

/// The engine-free normalizer: every object flag is valid and encoded as Go encodes a
/// `map[string]interface{}` (keys sorted); a `null` flag is invalid.
public struct RawFlagNormalizer: FlagNormalizer {
    /// Creates the normalizer.
    public init() {}

    /// Encodes object flags with ``GoJSONEncoder``; rejects anything else.
    public func normalize(key: String, flag: JSONValue) throws(FlagRetrievalError) -> NormalizedFlag {
        guard case .object = flag else { return .invalid(reason: "the flag is empty") }
        return .valid(json: GoJSONEncoder().encode(flag))
    }
}
