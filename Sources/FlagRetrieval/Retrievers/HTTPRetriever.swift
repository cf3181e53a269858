// SPDX-License-Identifier: Apache-2.0

import CurlTransport

/// Fetches the flag file from an HTTP endpoint (GOFF's `http` retriever).
///
/// GOFF's rules: the method defaults to `GET`; `headers` replace the request's header set (the transport
/// still adds `Host`, `Accept` and its `User-Agent`); a response status above 399 fails with
/// `request to <url> failed with code <n>`; the timeout (default 10 s) covers the whole exchange.
/// Redirects are followed as Go's `http.Client` does (at most 10; 301/302 turn a `POST` into a `GET`,
/// 303 turns anything but `GET`/`HEAD` into a `GET`, 307/308 keep method and body; credentials headers
/// are dropped when the redirect leaves the host and its subdomains).
public struct HTTPRetriever: FlagRetriever {
    /// The default whole-request timeout: 10 s.
    public static let defaultTimeout: Duration = .seconds(10)
    /// Go's redirect limit: the 10th redirect of one retrieval fails with `stopped after 10 redirects`.
    public static let maximumRedirects = 10

    /// The URL of the flag file.
    public let url: String
    /// The request method.
    public let method: String
    /// The request body (often empty).
    public let body: String
    /// The header fields sent, name → values (each value sent as its own field, names in sorted order).
    public let headers: [String: [String]]
    /// The whole-exchange timeout.
    public let timeout: Duration
    let transport: any HTTPTransport

    /// Creates an HTTP retriever.
    /// - Parameters:
    ///   - url: The absolute `http://` or `https://` URL.
    ///   - method: The method; an empty string means `GET`.
    ///   - body: The request body.
    ///   - headers: The complete header set to send, name → values.
    ///   - timeout: The whole-exchange timeout; zero or negative means ``defaultTimeout``.
    ///   - transport: The HTTP client, for example a shared `CurlHTTPClient`.
    public init(
        url: String, method: String = "GET", body: String = "", headers: [String: [String]] = [:],
        timeout: Duration = defaultTimeout, transport: any HTTPTransport
    ) {
        self.url = url
        self.method = method.isEmpty ? "GET" : method
        self.body = body
        self.headers = headers
        self.timeout = timeout > .zero ? timeout : Self.defaultTimeout
        self.transport = transport
    }

    /// Sends the request (following redirects) and returns the response body.
    /// - Throws: ``FlagRetrievalError`` with code ``FlagRetrievalError/Code/httpStatus``,
    ///   ``FlagRetrievalError/Code/transport`` or ``FlagRetrievalError/Code/invalidRequest``.
    public func retrieve() async throws -> [UInt8] {
        try await fetch()
    }

    /// The typed-throwing implementation of ``retrieve()``.
    func fetch() async throws(FlagRetrievalError) -> [UInt8] {
        guard !url.isEmpty else {
            throw FlagRetrievalError(
                code: .invalidRequest, message: "URL is a mandatory parameter when using httpretriever.Retriever")
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var request = HTTPRequest(
            method: method, url: url, headers: Self.fields(headers), body: Array(body.utf8), timeout: timeout)
        var redirects = 0
        while true {
            let response: HTTPResponse
            do {
                response = try await transport.send(request)
            } catch {
                throw FlagRetrievalError(
                    code: .transport,
                    message: "\(Self.goOperation(request.method)) \"\(URLRedaction.redacted(request.url))\": \(error)")
            }
            guard let next = Self.redirect(after: response, of: request) else {
                guard response.status <= 399 else {
                    throw FlagRetrievalError(
                        code: .httpStatus,
                        message: "request to \(URLRedaction.redacted(url)) failed with code \(response.status)")
                }
                return response.body
            }
            redirects += 1
            let remaining = deadline - clock.now
            guard Self.maximumRedirects > redirects, remaining > .zero else {
                let reason =
                    Self.maximumRedirects > redirects
                    ? "timeout exceeded" : "stopped after \(Self.maximumRedirects) redirects"
                throw FlagRetrievalError(
                    code: .transport,
                    message: "\(Self.goOperation(method)) \"\(URLRedaction.redacted(next.url))\": \(reason)")
            }
            request = next
            request.timeout = remaining
        }
    }

    /// The header map as fields: names sorted, each value its own field.
    static func fields(_ headers: [String: [String]]) -> [HTTPHeader] {
        headers.keys.sorted().flatMap { name in
            (headers[name] ?? []).map { HTTPHeader(name: name, value: $0) }
        }
    }

    /// The method as Go's `url.Error` prints it: `Get`, `Post`, …
    static func goOperation(_ method: String) -> String {
        guard let first = method.first else { return method }
        return first.uppercased() + method.dropFirst().lowercased()
    }
}
