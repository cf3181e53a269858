// SPDX-License-Identifier: Apache-2.0

/// A source of AWS credentials.
///
/// Callers ask for credentials before signing each request; providers of temporary credentials
/// refresh them on their own schedule and return the current set.
public protocol AWSCredentialProvider: Sendable {
    /// Returns the credentials to sign with now.
    /// - Throws: A ``CredentialError`` (or a provider-specific error) when none are available.
    func credentials() async throws -> AWSCredentials
}
