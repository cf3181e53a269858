// SPDX-License-Identifier: Apache-2.0

/// A complete HTTP response: status, header fields and body bytes.
///
/// Any status is a response, not an error: a 500 arrives here, only transport failures throw.
/// When interim responses (`100 Continue`, `103 Early Hints`) preceded the final one, only the
/// final response's headers are kept.
public struct HTTPResponse: Sendable {
    /// The status code of the final response, for example 200.
    public var status: Int
    /// The header fields of the final response, in the order received (repeated fields kept).
    public var headers: [HTTPHeader]
    /// The body bytes exactly as received (transfer coding removed, no content decoding).
    public var body: [UInt8]

    /// Creates a response.
    /// - Parameters:
    ///   - status: The status code.
    ///   - headers: The header fields.
    ///   - body: The body bytes.
    public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the first header field with this name, compared case-insensitively.
    /// - Parameter name: The field name to look for.
    /// - Returns: The value, or `nil` when the response has no such field.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
