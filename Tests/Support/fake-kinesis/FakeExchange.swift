// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOHTTP1

/// A complete HTTP request as the handler hands it to the service.
struct FakeRequest {
    /// Method, URI, headers.
    let head: HTTPRequestHead
    /// The body (empty when it was too large).
    let body: ByteBuffer
    /// Whether the body went over ``ServerConfiguration/maxBodyBytes`` and was dropped.
    let bodyTooLarge: Bool
}

/// An HTTP answer.
struct FakeResponse: Sendable {
    /// Status.
    var status: HTTPResponseStatus
    /// Headers besides `Content-Length` and `Connection`, which the handler adds.
    var headers: [(String, String)]
    /// Body.
    var body: [UInt8]
}

/// What the handler must do with a request.
struct FakeOutcome: Sendable {
    /// The answer; `nil` to reset the connection instead.
    var response: FakeResponse?
    /// Wait this long before answering (or resetting).
    var delayMs = 0
    /// After answering, stop listening for this many seconds.
    var refuseForSeconds: Double?
}
