// SPDX-License-Identifier: Apache-2.0

/// Reads credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and, when set,
/// `AWS_SESSION_TOKEN`, like every AWS SDK's environment provider.
///
/// The environment is captured at initialization, so the provider is a pure value:
/// ```swift
/// let provider = EnvironmentCredentialProvider(environment: ProcessInfo.processInfo.environment)
/// ```
/// An empty `AWS_SESSION_TOKEN` counts as unset; empty keys are errors.
public struct EnvironmentCredentialProvider: AWSCredentialProvider {
    /// The name of the access key ID variable.
    public static let accessKeyIDVariable = "AWS_ACCESS_KEY_ID"
    /// The name of the secret access key variable.
    public static let secretAccessKeyVariable = "AWS_SECRET_ACCESS_KEY"
    /// The name of the optional session token variable.
    public static let sessionTokenVariable = "AWS_SESSION_TOKEN"

    /// The credentials read at initialization, or why there are none.
    let result: Result<AWSCredentials, CredentialError>

    /// Reads the credentials out of an environment.
    /// - Parameter environment: The variables, usually `ProcessInfo.processInfo.environment`.
    public init(environment: [String: String]) {
        self.result = Self.read(environment)
    }

    /// Returns the credentials read at initialization.
    /// - Throws: ``CredentialError`` naming the variable that is missing or empty.
    public func credentials() async throws(CredentialError) -> AWSCredentials {
        try result.get()
    }

    private static func read(_ environment: [String: String]) -> Result<AWSCredentials, CredentialError> {
        let accessKeyID = environment[accessKeyIDVariable] ?? ""
        let secretAccessKey = environment[secretAccessKeyVariable] ?? ""
        if accessKeyID.isEmpty {
            let hint = secretAccessKey.isEmpty ? "" : " (\(secretAccessKeyVariable) is set)"
            return .failure(problem(with: accessKeyIDVariable, in: environment, hint: hint))
        }
        if secretAccessKey.isEmpty {
            return .failure(
                problem(with: secretAccessKeyVariable, in: environment, hint: " (\(accessKeyIDVariable) is set)"))
        }
        var sessionToken = environment[sessionTokenVariable]
        if sessionToken?.isEmpty == true {
            sessionToken = nil
        }
        return .success(
            AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken)
        )
    }

    private static func problem(with name: String, in environment: [String: String], hint: String) -> CredentialError {
        if environment[name] == nil {
            return CredentialError(code: .missingVariable, variable: name, message: "\(name) is not set\(hint)")
        }
        return CredentialError(code: .emptyVariable, variable: name, message: "\(name) is set but empty\(hint)")
    }
}
