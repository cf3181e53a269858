// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Testing

@Suite struct EnvironmentCredentialProviderTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    @Test func readsLongTermKeys() async throws {
        let provider = EnvironmentCredentialProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": Self.secret,
        ])
        let credentials = try await provider.credentials()
        #expect(credentials == AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret))
    }

    @Test func readsTheSessionToken() async throws {
        let provider = EnvironmentCredentialProvider(environment: [
            "AWS_ACCESS_KEY_ID": "ASIAEXAMPLE", "AWS_SECRET_ACCESS_KEY": Self.secret, "AWS_SESSION_TOKEN": "token",
        ])
        #expect(try await provider.credentials().sessionToken == "token")
        #expect(try await provider.credentials().expiration == nil)
    }

    @Test func emptySessionTokenIsUnset() async throws {
        let provider = EnvironmentCredentialProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": Self.secret, "AWS_SESSION_TOKEN": "",
        ])
        #expect(try await provider.credentials().sessionToken == nil)
    }

    @Test(arguments: [
        ([:], "missingVariable", "AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID is not set"),
        (
            ["AWS_SECRET_ACCESS_KEY": secret], "missingVariable", "AWS_ACCESS_KEY_ID",
            "AWS_ACCESS_KEY_ID is not set (AWS_SECRET_ACCESS_KEY is set)"
        ),
        (
            ["AWS_ACCESS_KEY_ID": "AKID"], "missingVariable", "AWS_SECRET_ACCESS_KEY",
            "AWS_SECRET_ACCESS_KEY is not set (AWS_ACCESS_KEY_ID is set)"
        ),
        (
            ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": secret], "emptyVariable", "AWS_ACCESS_KEY_ID",
            "AWS_ACCESS_KEY_ID is set but empty (AWS_SECRET_ACCESS_KEY is set)"
        ),
        (
            ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": ""], "emptyVariable", "AWS_SECRET_ACCESS_KEY",
            "AWS_SECRET_ACCESS_KEY is set but empty (AWS_ACCESS_KEY_ID is set)"
        ),
        (
            ["AWS_SESSION_TOKEN": "token"], "missingVariable", "AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID is not set"
        ),
    ])
    func missingKeysAreNamed(environment: [String: String], code: String, variable: String, message: String) async {
        let provider = EnvironmentCredentialProvider(environment: environment)
        let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
        #expect(error?.code.description == code)
        #expect(error?.variable == variable)
        #expect(error?.message == message)
        #expect(error?.description.contains(Self.secret) == false)
    }
}
