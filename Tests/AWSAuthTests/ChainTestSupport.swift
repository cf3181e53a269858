// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation

/// Builds a chain from an environment and file texts, with the test HTTP client and clock.
func makeChain(
    _ environment: [String: String], config: String? = nil, credentials: String? = nil,
    region: String? = "eu-west-1", clock: TestClock = TestClock(),
    observer: (@Sendable (CredentialRefreshEvent) -> Void)? = nil
) throws(CredentialError) -> DefaultCredentialChain {
    let shared = SharedConfiguration(config: config, credentials: credentials, environment: environment)
    return try DefaultCredentialChain(
        environment: environment, configuration: shared, region: region, http: SocketHTTPClient(),
        settings: .init(cache: .init(now: clock.now), signingClock: clock.now, observer: observer))
}

/// The error a chain's construction throws, or `nil`.
func chainError(
    _ environment: [String: String], config: String? = nil, credentials: String? = nil
) -> CredentialError? {
    do {
        _ = try makeChain(environment, config: config, credentials: credentials)
        return nil
    } catch {
        return error
    }
}

/// Keys the fakes and files use.
enum ChainFixtures {
    static let noIMDS = ["AWS_EC2_METADATA_DISABLED": "true"]
    static let baseKeys = AWSCredentials(accessKeyID: "AKIDBASE", secretAccessKey: "base-secret-wJalrXUtnFEMI")
    static let credentialsFile = """
        [base]
        aws_access_key_id = AKIDBASE
        aws_secret_access_key = base-secret-wJalrXUtnFEMI
        """
}
