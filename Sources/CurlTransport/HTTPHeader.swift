// SPDX-License-Identifier: Apache-2.0

/// One HTTP header field, as sent or as received.
///
/// Names keep the spelling they were given or received with; compare them case-insensitively
/// (``HTTPResponse/header(_:)`` does).
public struct HTTPHeader: Sendable, Hashable {
    /// The field name, for example `Content-Type`.
    public var name: String
    /// The field value, without surrounding whitespace.
    public var value: String

    /// Creates a header field.
    /// - Parameters:
    ///   - name: The field name, an HTTP token (no spaces, colons or control characters).
    ///   - value: The field value; it must not contain CR, LF or NUL.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
