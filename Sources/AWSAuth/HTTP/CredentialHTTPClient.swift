// SPDX-License-Identifier: Apache-2.0

/// The HTTP client that credential providers use to reach STS, the container endpoint and IMDS.
///
/// AWSAuth does not depend on an HTTP stack; the executable adapts its client (CurlTransport) to this.
/// An implementation sends one request and returns the complete response, whatever its status;
/// it throws only when no response arrived (connection refused, timeout, TLS failure, cancellation).
/// Redirects must not be followed.
public protocol CredentialHTTPClient: Sendable {
    /// Sends one request.
    /// - Parameters:
    ///   - method: `GET`, `PUT` or `POST`.
    ///   - url: The absolute `http(s)://` URL.
    ///   - headers: Request headers, in order (`Host` and `Content-Length` are the client's business).
    ///   - body: The body bytes (empty for `GET`).
    ///   - timeout: The limit for the whole exchange.
    /// - Returns: The status code, the response headers in order, and the body.
    func send(
        method: String, url: String, headers: [(String, String)], body: [UInt8], timeout: Duration
    ) async throws -> (status: Int, headers: [(String, String)], body: [UInt8])
}

/// A response from a ``CredentialHTTPClient``, with header lookup.
struct CredentialHTTPResponse: Sendable {
    let status: Int
    let headers: [(String, String)]
    let body: [UInt8]

    /// The first value of a header, compared case-insensitively.
    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0.lowercased() == wanted }?.1
    }

    /// The body as text (invalid UTF-8 repaired).
    var text: String { String(decoding: body, as: UTF8.self) }
}

extension CredentialHTTPClient {
    /// Sends a request; a thrown error becomes ``CredentialError`` `unreachable`, naming `what`.
    func exchange(
        _ method: String, _ url: String, headers: [(String, String)] = [], body: [UInt8] = [], timeout: Duration,
        what: String, variable: String
    ) async throws(CredentialError) -> CredentialHTTPResponse {
        do {
            let answer = try await send(method: method, url: url, headers: headers, body: body, timeout: timeout)
            return CredentialHTTPResponse(status: answer.status, headers: answer.headers, body: answer.body)
        } catch {
            throw CredentialError(
                code: .unreachable, variable: variable, message: "\(what): \(method) \(url) failed: \(error)")
        }
    }
}
