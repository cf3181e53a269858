// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Testing

@Suite struct AWSCredentialsTests {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        sessionToken: "SESSIONTOKENEXAMPLE",
        expiration: Date(timeIntervalSince1970: 1_440_938_160)
    )

    @Test func textNeverShowsSecrets() {
        var dumped = ""
        dump(Self.credentials, to: &dumped)
        for text in [
            Self.credentials.description, String(describing: Self.credentials), String(reflecting: Self.credentials),
            "\(Self.credentials)", dumped,
        ] {
            #expect(!text.contains("wJalrXUtnFEMI"), "\(text)")
            #expect(!text.contains("SESSIONTOKENEXAMPLE"), "\(text)")
            #expect(text.contains("AKIDEXAMPLE"), "\(text)")
        }
    }

    @Test func descriptionIsExact() {
        #expect(
            Self.credentials.description
                == "AWSCredentials(accessKeyID: AKIDEXAMPLE, secretAccessKey: <redacted>, sessionToken: <redacted>, "
                + "expiration: 2015-08-30T12:36:00Z)")
        let permanent = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s")
        #expect(
            permanent.description == "AWSCredentials(accessKeyID: AKID, secretAccessKey: <redacted>, sessionToken: nil)"
        )
    }

    @Test func equalityComparesEveryField() {
        var other = Self.credentials
        #expect(other == Self.credentials)
        other.sessionToken = nil
        #expect(other != Self.credentials)
    }

    @Test func staticProviderReturnsItsCredentials() async throws {
        let provider: any AWSCredentialProvider = StaticCredentialProvider(Self.credentials)
        #expect(try await provider.credentials() == Self.credentials)
    }
}
