// SPDX-License-Identifier: Apache-2.0

/// A provider that always returns the same credentials, for configuration files and tests.
public struct StaticCredentialProvider: AWSCredentialProvider {
    /// The credentials returned by ``credentials()``.
    public let fixedCredentials: AWSCredentials

    /// Creates a provider of fixed credentials.
    /// - Parameter credentials: The credentials to return.
    public init(_ credentials: AWSCredentials) {
        self.fixedCredentials = credentials
    }

    /// Returns the fixed credentials.
    public func credentials() async throws -> AWSCredentials {
        fixedCredentials
    }
}
