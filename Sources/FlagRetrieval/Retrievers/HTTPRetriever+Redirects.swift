// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Foundation

extension HTTPRetriever {
    /// Header fields Go's client copies to a redirect only when it stays on the same host or a subdomain.
    private static let credentialFields: Set<String> = ["authorization", "www-authenticate", "cookie", "cookie2"]

    /// The request Go's `http.Client` would send after `response`, or `nil` when it does not redirect
    /// (not a 301/302/303/307/308, or no usable `Location`).
    static func redirect(after response: HTTPResponse, of request: HTTPRequest) -> HTTPRequest? {
        guard [301, 302, 303, 307, 308].contains(response.status),
            let location = response.header("Location"), !location.isEmpty,
            let target = resolve(location, against: request.url)
        else { return nil }
        var next = request
        next.url = target
        if response.status == 301 || response.status == 302 || response.status == 303 {
            next.body = []
            next.headers.removeAll { ["content-type", "content-length"].contains($0.name.lowercased()) }
            let upgradeToGet =
                (response.status == 303 && request.method != "GET" && request.method != "HEAD")
                || (response.status != 303 && request.method == "POST")
            if upgradeToGet { next.method = "GET" }
        }
        if !sameDomainOrSubdomain(from: request.url, to: target) {
            next.headers.removeAll { credentialFields.contains($0.name.lowercased()) }
        }
        return next
    }

    /// `location` resolved against `base` (RFC 3986), or `nil` if either cannot be parsed.
    static func resolve(_ location: String, against base: String) -> String? {
        guard let baseURL = URL(string: base), let resolved = URL(string: location, relativeTo: baseURL) else {
            return nil
        }
        let absolute = resolved.absoluteURL
        guard let scheme = absolute.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        return absolute.absoluteString
    }

    /// Go's `shouldCopyHeaderOnRedirect` host rule: the same host, or a subdomain of the initial host.
    static func sameDomainOrSubdomain(from initial: String, to destination: String) -> Bool {
        guard let source = URL(string: initial)?.host?.lowercased(),
            let target = URL(string: destination)?.host?.lowercased()
        else { return false }
        return target == source || target.hasSuffix("." + source)
    }
}
