// SPDX-License-Identifier: Apache-2.0

/// A whole-call failure of a Kinesis request: an HTTP error answer, an unreadable answer, or a
/// transport failure. Carries the AWS error code when there is one.
public struct KinesisServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status, or 0 when no answer arrived.
    public var status: Int
    /// The AWS error code (`__type` without its namespace, the XML `Code`, or a transport code).
    public var code: String
    /// The service's message.
    public var message: String
    /// The `x-amzn-RequestId` header, when present.
    public var requestID: String?

    /// Creates an error.
    public init(status: Int, code: String, message: String, requestID: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.requestID = requestID
    }

    /// How the sender must react.
    public var errorClass: KinesisErrorClass {
        KinesisErrorClass.classify(code: code, status: status, message: message)
    }

    public var description: String {
        let status = self.status > 0 ? "HTTP \(self.status) " : ""
        return "\(status)\(code): \(message)"
    }
}
