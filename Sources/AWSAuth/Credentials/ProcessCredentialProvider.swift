// SPDX-License-Identifier: Apache-2.0

/// Runs a profile's `credential_process` command and reads credentials from its standard output:
/// JSON `{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}`, where the
/// token and the expiration are optional (without `Expiration` the credentials do not expire).
///
/// The command runs with `/bin/sh -c`, inherits the environment, and is terminated after the timeout.
/// Its standard error is discarded and its output is never quoted in errors.
public struct ProcessCredentialProvider: AWSCredentialProvider, CustomStringConvertible {
    /// The command line.
    public let command: String
    /// The profile that configures it, for messages.
    public let profileName: String
    /// The limit for one run.
    public let timeout: Duration

    /// Creates a provider.
    /// - Parameters:
    ///   - command: The `credential_process` command line.
    ///   - profileName: The profile that configures it.
    ///   - timeout: The limit for one run; 60 seconds by default.
    public init(command: String, profileName: String, timeout: Duration = .seconds(60)) {
        self.command = command
        self.profileName = profileName
        self.timeout = timeout
    }

    /// Runs the command and parses its output.
    /// - Throws: ``CredentialError``: `processFailed` (could not start, non-zero exit, timeout),
    ///   `invalidResponse` (not Version 1 JSON with both keys, bad `Expiration`).
    public func credentials() async throws(CredentialError) -> AWSCredentials {
        let variable = "profile \(profileName): credential_process"
        let outcome: ProcessRunner.Outcome
        do {
            outcome = try await ProcessRunner.run(command, timeout: timeout)
        } catch {
            throw CredentialError(
                code: .processFailed, variable: variable, message: "\(variable) could not be started: \(error)")
        }
        guard !outcome.timedOut else {
            throw CredentialError(
                code: .processFailed, variable: variable, message: "\(variable) did not finish within \(timeout)")
        }
        guard !outcome.signaled else {
            throw CredentialError(
                code: .processFailed, variable: variable,
                message: "\(variable) was ended by signal \(outcome.status)")
        }
        guard outcome.status == 0 else {
            throw CredentialError(
                code: .processFailed, variable: variable, message: "\(variable) exited with status \(outcome.status)")
        }
        let document = try CredentialJSON.decode(outcome.output, what: variable, variable: variable)
        guard document.version == 1 else {
            throw CredentialError(
                code: .invalidResponse, variable: variable,
                message: "\(variable) printed Version \(document.version.map(String.init) ?? "(none)"); only 1 is known"
            )
        }
        return try document.credentials(what: variable, variable: variable)
    }

    /// For example `credential_process of profile dev`.
    public var description: String { "credential_process of profile \(profileName)" }
}
