// SPDX-License-Identifier: Apache-2.0

/// The parts of a request URL that SigV4 reads: the `Host` header value, the path and the query.
///
/// A small total parser of `scheme://[userinfo@]host[:port][/path][?query][#fragment]`. It never fails:
/// missing parts are empty, and a string without `://` is taken as a path (plus query).
struct SigningURL: Sendable, Equatable {
    /// The scheme, lowercased; empty when absent.
    let scheme: String
    /// The host as written (brackets kept for IPv6 literals); empty when absent.
    let host: String
    /// The port as written; empty when absent.
    let port: String
    /// The raw path, not decoded; may be empty.
    let path: String
    /// The raw query after `?`, not decoded; `nil` when there is no `?`.
    let query: String?

    init(_ url: String) {
        var rest = Substring(url)
        if let hash = rest.firstIndex(of: "#") {
            rest = rest[..<hash]
        }
        var queryPart: Substring?
        if let question = rest.firstIndex(of: "?") {
            queryPart = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        var authority: Substring = ""
        if let separator = rest.firstRange(of: "://") {
            scheme = rest[..<separator.lowerBound].lowercased()
            let afterScheme = rest[separator.upperBound...]
            let pathStart = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            authority = afterScheme[..<pathStart]
            rest = afterScheme[pathStart...]
        } else {
            scheme = ""
        }
        if let at = authority.lastIndex(of: "@") {
            authority = authority[authority.index(after: at)...]
        }
        let (host, port) = Self.splitHostPort(authority)
        self.host = String(host)
        self.port = String(port)
        self.path = String(rest)
        self.query = queryPart.map(String.init)
    }

    /// What an HTTP client sends as `Host`: the host, plus `:port` unless the port is the scheme's
    /// default (80 for http, 443 for https) or absent. `nil` when the URL has no host.
    var hostHeader: String? {
        guard !host.isEmpty else { return nil }
        guard !port.isEmpty else { return host }
        let defaultPort: Int? =
            switch scheme {
            case "http": 80
            case "https": 443
            default: nil
            }
        if let number = Int(port), number == defaultPort {
            return host
        }
        return host + ":" + port
    }

    private static func splitHostPort(_ authority: Substring) -> (Substring, Substring) {
        if authority.first == "[", let close = authority.firstIndex(of: "]") {
            let host = authority[...close]
            let afterHost = authority[authority.index(after: close)...]
            return (host, afterHost.first == ":" ? afterHost.dropFirst() : "")
        }
        if let colon = authority.lastIndex(of: ":") {
            return (authority[..<colon], authority[authority.index(after: colon)...])
        }
        return (authority, "")
    }
}
