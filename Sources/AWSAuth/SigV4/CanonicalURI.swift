// SPDX-License-Identifier: Apache-2.0

/// The `CanonicalURI` and `CanonicalQueryString` lines of a SigV4 canonical request.
enum CanonicalURI {
    /// Normalizes and encodes a raw request path the way SigV4 services other than S3 expect.
    ///
    /// Empty segments and `.` are removed and `..` removes the segment before it (RFC 3986
    /// section 5.2.4, plus AWS's collapsing of repeated slashes). A trailing slash is kept. Each
    /// remaining segment is then percent-encoded once, as given: a path that is already
    /// percent-encoded on the wire gets its `%` encoded again, which is the "double encoding" the
    /// SigV4 documentation asks of non-S3 services.
    static func path(_ rawPath: String) -> String {
        var segments: [Substring] = []
        for segment in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".":
                continue
            case "..":
                _ = segments.popLast()
            default:
                segments.append(segment)
            }
        }
        var result = "/" + segments.map { URIEncoding.encode($0.utf8) }.joined(separator: "/")
        if !segments.isEmpty, rawPath.hasSuffix("/") {
            result += "/"
        }
        return result
    }

    /// Canonicalizes a raw query string: each `name=value` pair is percent-decoded then encoded
    /// again (so values arrive encoded exactly once), pairs are sorted by encoded name then encoded
    /// value (bytewise), and joined with `&`. A pair without `=` gets an empty value; empty pairs
    /// (`a=1&&b=2`) are dropped. `nil` or empty gives the empty string.
    static func query(_ rawQuery: String?) -> String {
        guard let rawQuery, !rawQuery.isEmpty else { return "" }
        var pairs: [(name: String, value: String)] = []
        for pair in rawQuery.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring
            let value: Substring
            if let equals = pair.firstIndex(of: "=") {
                name = pair[..<equals]
                value = pair[pair.index(after: equals)...]
            } else {
                name = pair
                value = ""
            }
            pairs.append((URIEncoding.encode(URIEncoding.decode(name)), URIEncoding.encode(URIEncoding.decode(value))))
        }
        pairs.sort { left, right in
            if left.name != right.name {
                return left.name.utf8.lexicographicallyPrecedes(right.name.utf8)
            }
            return left.value.utf8.lexicographicallyPrecedes(right.value.utf8)
        }
        return pairs.map { $0.name + "=" + $0.value }.joined(separator: "&")
    }
}
