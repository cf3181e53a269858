// SPDX-License-Identifier: Apache-2.0

/// Validation of a configured endpoint URL, and the request URL made from it.
enum CustomEndpoint {
    /// Checks `http(s)://[userinfo@]host[:port][/path][?query]` and returns the URL to send
    /// requests to: the input, with a `/` path inserted when it has none (what botocore sends).
    ///
    /// The host is a DNS name (labels of letters, digits and inner hyphens, an optional final dot)
    /// or a bracketed IPv6 literal; the port, when present, is a number up to 65535.
    static func requestURL(_ text: String) throws(KinesisEndpointError) -> String {
        let invalid = KinesisEndpointError(code: .invalidEndpoint, message: "Invalid endpoint: \(text)")
        guard !text.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == " " }),
            let schemeEnd = text.firstRange(of: "://"),
            ["http", "https"].contains(text[..<schemeEnd.lowerBound].lowercased())
        else { throw invalid }
        let afterScheme = text[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        let url = SigningURL(text)
        guard isHost(url.host), url.port.isEmpty || isPort(url.port) else { throw invalid }
        if authorityEnd == afterScheme.endIndex || afterScheme[authorityEnd] != "/" {
            return String(text[..<authorityEnd]) + "/" + String(afterScheme[authorityEnd...])
        }
        return text
    }

    private static func isHost(_ host: String) -> Bool {
        if host.hasPrefix("[") {
            let inner = host.dropFirst().dropLast()
            return host.hasSuffix("]") && inner.contains(":")
                && inner.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." || $0 == "%" }
        }
        var name = Substring(host)
        if name.hasSuffix(".") {
            name = name.dropLast()
        }
        guard !name.isEmpty, name.utf8.count <= 255 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { StreamARN.isHostLabel($0) }
    }

    private static func isPort(_ port: String) -> Bool {
        port.utf8.count <= 5 && port.allSatisfy(\.isASCII) && port.allSatisfy(\.isNumber)
            && (Int(port) ?? 70_000) <= 65_535
    }
}
