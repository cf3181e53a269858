// SPDX-License-Identifier: Apache-2.0

import Events
import Foundation

/// One immutable state of a ``FlagStore``: the valid flags and everything the HTTP layer serves about them,
/// computed once per change.
///
/// GOFF semantics reproduced here:
/// - ``hash`` and ``flagHashes`` are FNV-1a 32 of `json.Marshal` of the whole flag map (keys sorted) and of
///   each flag (`GET /v1/flag/change`);
/// - ``configurationBody`` is the `POST /v1/flag/configuration` body for all flags,
///   `{"flags":{…},"evaluationContextEnrichment":{…}}` (enrichment omitted when empty; `"flags":{}` kept
///   when there is no flag, which providers parse more reliably than GOFF's omitted field);
/// - ETags are strong, `"<length>-<sha1 hex>"` of the body as written on the wire, i.e. followed by the
///   `\n` that Go's JSON encoder (and `RelayServer`'s `JSONResponse`) appends;
/// - ``refreshedAt`` is the time of the last successful refresh, changed or not (GOFF's `cacheRefresh`);
///   ``lastModified`` formats it in GMT (GOFF writes the local zone name, which HTTP does not allow).
public struct FlagSnapshot: Sendable {
    /// The valid flags, raw, in declaration order.
    public let flags: FlagSet
    /// Each valid flag's canonical JSON (from the store's ``FlagNormalizer``).
    public let flagJSON: [String: [UInt8]]
    /// FNV-1a 32 of each flag's canonical JSON.
    public let flagHashes: [String: UInt32]
    /// FNV-1a 32 of the canonical JSON of the whole flag map.
    public let hash: UInt32
    /// The evaluation context enrichment served with the configuration.
    public let evaluationContextEnrichment: JSONObject
    /// Increases by one with every change of the flags; 0 before anything was installed.
    public let version: UInt64
    /// The time of the last successful refresh, or `nil` when no flags were ever installed.
    public internal(set) var refreshedAt: Date?
    /// The `POST /v1/flag/configuration` body for every flag, without the trailing newline.
    public let configurationBody: [UInt8]
    /// The strong ETag of ``configurationBody`` plus `\n`.
    public let configurationETag: String
    /// The `GET /v1/flag/change` body, `{"hash":…,"flags":{…}}`, without the trailing newline.
    public let changeBody: [UInt8]
    /// The strong ETag of ``changeBody`` plus `\n`.
    public let changeETag: String

    /// The snapshot of a store that never installed flags.
    static func empty(enrichment: JSONObject) -> FlagSnapshot {
        FlagSnapshot(
            flags: FlagSet(), flagJSON: [:], enrichment: enrichment, version: 0, refreshedAt: nil)
    }

    init(flags: FlagSet, flagJSON: [String: [UInt8]], enrichment: JSONObject, version: UInt64, refreshedAt: Date?) {
        self.flags = flags
        self.flagJSON = flagJSON
        self.evaluationContextEnrichment = enrichment
        self.version = version
        self.refreshedAt = refreshedAt
        let sortedKeys = flags.sortedKeys
        var hashes: [String: UInt32] = [:]
        for key in sortedKeys {
            hashes[key] = FNV1a.hash32(flagJSON[key] ?? [])
        }
        flagHashes = hashes
        hash = FNV1a.hash32(Self.flagMap(sortedKeys, flagJSON))
        configurationBody = Self.configurationBody(sortedKeys, flagJSON, enrichment)
        configurationETag = Self.etag(forBody: configurationBody)
        changeBody = Self.changeBody(hash: hash, sortedKeys: sortedKeys, hashes: hashes)
        changeETag = Self.etag(forBody: changeBody)
    }

    /// A copy with another refresh time (same flags, same bodies).
    func refreshed(at date: Date) -> FlagSnapshot {
        var copy = self
        copy.refreshedAt = date
        return copy
    }

    /// The `Last-Modified` value: ``refreshedAt`` as an IMF-fixdate in GMT, or `nil` before the first load.
    public var lastModified: String? {
        refreshedAt.map(HTTPDate.format)
    }
}
