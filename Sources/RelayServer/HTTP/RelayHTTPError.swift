// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import NIOCore

/// An error answered to the client as `{"message": "…"}` (GOFF's error shape), with a status and
/// optional headers.
public struct RelayHTTPError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The message in the JSON body.
    public var message: String
    /// Extra headers, e.g. `Retry-After`.
    public var headers: HTTPFields

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    /// The 413 answered when a request body is over the configured limit.
    static let bodyTooLarge = RelayHTTPError(
        .contentTooLarge, message: "request body is larger than the configured limit")

    public var description: String { "\(status.code) \(message)" }

    /// The response: JSON `{"message":…}` followed by a newline, as Echo writes it.
    public func response() -> Response {
        JSONResponse.make(status: status, object: ["message": message], headers: headers)
    }
}
