// SPDX-License-Identifier: Apache-2.0

/// Which source of the default chain supplies the credentials, for a start-up log line or a metric label.
/// Never contains secrets: only variable names, profile names, role ARNs, paths and URLs.
public struct CredentialSource: Sendable, Hashable, CustomStringConvertible {
    /// `environment`, `webIdentity`, `profile`, `container` or `imds`.
    public var name: String
    /// What exactly, for example
    /// `profile dev: assume role arn:aws:iam::123456789012:role/writer from source profile base: static keys`.
    public var detail: String

    /// Creates a source description.
    /// - Parameters:
    ///   - name: The short name.
    ///   - detail: The details.
    public init(name: String, detail: String) {
        self.name = name
        self.detail = detail
    }

    /// `name: detail`.
    public var description: String { "\(name): \(detail)" }
}
