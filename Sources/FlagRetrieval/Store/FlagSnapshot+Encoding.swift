// SPDX-License-Identifier: Apache-2.0

import Events

extension FlagSnapshot {
    /// The `POST /v1/flag/configuration` body restricted to `flagKeys` (unknown keys ignored, as GOFF
    /// does); an empty list means every flag, i.e. ``configurationBody``. No trailing newline.
    /// - Parameter flagKeys: The keys the provider asked for.
    public func configurationBody(flagKeys: [String]) -> [UInt8] {
        guard !flagKeys.isEmpty else { return configurationBody }
        let wanted = Set(flagKeys).filter { flagJSON[$0] != nil }
        let keys = wanted.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return Self.configurationBody(keys, flagJSON, evaluationContextEnrichment)
    }

    /// The strong ETag GOFF's ETag middleware sends for a JSON response whose body is `body` followed by
    /// the `\n` Go's encoder appends: `"<length>-<sha1 hex>"`.
    /// - Parameter body: The JSON body without its trailing newline.
    public static func etag(forBody body: [UInt8]) -> String {
        let wire = body + [UInt8(ascii: "\n")]
        return "\"\(wire.count)-\(SHA1.hexDigest(wire))\""
    }

    /// `{"<key>":<flag json>,…}` for keys already in Go's map order.
    static func flagMap(_ sortedKeys: [String], _ flagJSON: [String: [UInt8]]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (index, key) in sortedKeys.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            GoJSONEncoder.appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: flagJSON[key] ?? Array("null".utf8))
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    static func configurationBody(
        _ sortedKeys: [String], _ flagJSON: [String: [UInt8]], _ enrichment: JSONObject
    ) -> [UInt8] {
        var out: [UInt8] = Array(#"{"flags":"#.utf8)
        out.append(contentsOf: flagMap(sortedKeys, flagJSON))
        if !enrichment.isEmpty {
            out.append(contentsOf: Array(#","evaluationContextEnrichment":"#.utf8))
            GoJSONEncoder.appendObject(enrichment, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    static func changeBody(hash: UInt32, sortedKeys: [String], hashes: [String: UInt32]) -> [UInt8] {
        var out: [UInt8] = Array(#"{"hash":"#.utf8)
        GoJSONEncoder.appendUInt(UInt64(hash), to: &out)
        out.append(contentsOf: Array(#","flags":{"#.utf8))
        for (index, key) in sortedKeys.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            GoJSONEncoder.appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            GoJSONEncoder.appendUInt(UInt64(hashes[key] ?? 0), to: &out)
        }
        out.append(contentsOf: Array("}}".utf8))
        return out
    }
}
