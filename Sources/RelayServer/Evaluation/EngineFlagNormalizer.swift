// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine
import FlagRetrieval
import Synchronization

/// The production ``FlagNormalizer``: parses every flag with the flag engine once per refresh, drops the
/// invalid ones (GOFF's load-time validation; the store logs them), encodes the valid ones as GOFF marshals
/// its `InternalFlag` (``GoffFlagEncoder``) and keeps the parsed flags for ``FlagSource``, so requests
/// never parse a flag.
public final class EngineFlagNormalizer: FlagNormalizer {
    /// A parsed flag and the canonical JSON it was parsed from.
    struct Parsed: Sendable {
        let json: [UInt8]
        let flag: Flag
    }

    private let parsed = Mutex<[String: Parsed]>([:])

    /// Creates the normalizer.
    public init() {}

    /// Parses `flag`; a flag the engine cannot parse is invalid.
    public func normalize(key: String, flag: JSONValue) throws(FlagRetrievalError) -> NormalizedFlag {
        guard case .object(let object) = flag else { return .invalid(reason: "the flag is empty") }
        let parsedFlag: Flag
        do {
            parsedFlag = try Flag(json: flag)
        } catch {
            return .invalid(reason: error.description)
        }
        if let reason = parsedFlag.validationError { return .invalid(reason: reason) }
        let json = GoffFlagEncoder.encode(object)
        parsed.withLock { $0[key] = Parsed(json: json, flag: parsedFlag) }
        return .valid(json: json)
    }

    /// The flag parsed for `key` when its canonical JSON is `json`, or `nil`.
    func parsedFlag(key: String, json: [UInt8]) -> Flag? {
        parsed.withLock { map in
            guard let entry = map[key], entry.json == json else { return nil }
            return entry.flag
        }
    }
}
