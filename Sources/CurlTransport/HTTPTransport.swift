// SPDX-License-Identifier: Apache-2.0

/// Something that can send one HTTP request and deliver its response.
///
/// ``CurlHTTPClient`` is the production implementation; tests of higher layers may supply their own.
public protocol HTTPTransport: Sendable {
    /// Sends a request and waits for the complete response.
    /// - Parameter request: The request to send.
    /// - Returns: The final response, whatever its status.
    /// - Throws: ``TransportError`` when no complete response could be obtained.
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
}
