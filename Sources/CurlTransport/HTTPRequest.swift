// SPDX-License-Identifier: Apache-2.0

/// An HTTP/1.1 request to send through an ``HTTPTransport``.
///
/// The body is sent byte for byte with a `Content-Length`. ``CurlHTTPClient`` adds `Host`,
/// `Accept: */*`, `User-Agent` (when configured) and `Content-Length`; it never adds `Expect`,
/// `Accept-Encoding` or a default `Content-Type`.
public struct HTTPRequest: Sendable {
    /// The request method, for example `GET`, `POST`, `PUT` or any other token.
    public var method: String
    /// The absolute `http://` or `https://` URL.
    public var url: String
    /// Header fields to send, in order. An empty value is sent as an empty field.
    public var headers: [HTTPHeader]
    /// The request body; empty for none.
    public var body: [UInt8]
    /// The whole-request timeout; `nil` uses the client's configured default.
    public var timeout: Duration?

    /// Creates a request.
    /// - Parameters:
    ///   - method: The request method; `GET` by default.
    ///   - url: The absolute URL.
    ///   - headers: Header fields to send.
    ///   - body: The body bytes.
    ///   - timeout: The whole-request timeout, or `nil` for the client's default.
    public init(
        method: String = "GET", url: String, headers: [HTTPHeader] = [], body: [UInt8] = [],
        timeout: Duration? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}
