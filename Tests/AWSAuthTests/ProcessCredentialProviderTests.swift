// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Testing

@Suite struct ProcessCredentialProviderTests {
    /// A command running a script that prints `output`. The script is run as `sh <path>`, not executed
    /// directly: tests run in parallel, and a file just written may still be open for writing in a child
    /// forked meanwhile by another test, which makes `execve` fail with ETXTBSY.
    static func script(_ directory: TemporaryDirectory, output: String, exitStatus: Int = 0) throws -> String {
        let path = try directory.write(
            "creds.sh",
            """
            #!/bin/sh
            echo "diagnostics that go to stderr" >&2
            cat <<'JSON'
            \(output)
            JSON
            exit \(exitStatus)
            """)
        return "/bin/sh '\(path)'"
    }

    @Test func readsVersionOneWithExpiration() async throws {
        let directory = try TemporaryDirectory()
        let path = try Self.script(
            directory,
            output: #"{"Version": 1, "AccessKeyId": "ASIAPROC", "SecretAccessKey": "proc-secret", "#
                + #""SessionToken": "proc-token", "Expiration": "2026-01-01T01:00:00Z"}"#)
        let provider = ProcessCredentialProvider(command: path, profileName: "dev")
        let credentials = try await provider.credentials()
        #expect(
            credentials
                == AWSCredentials(
                    accessKeyID: "ASIAPROC", secretAccessKey: "proc-secret", sessionToken: "proc-token",
                    expiration: Date(timeIntervalSince1970: 1_767_229_200)))
    }

    @Test func longTermKeysHaveNoExpiration() async throws {
        let directory = try TemporaryDirectory()
        let path = try Self.script(directory, output: #"{"Version":1,"AccessKeyId":"AKIA","SecretAccessKey":"s"}"#)
        let credentials = try await ProcessCredentialProvider(command: path, profileName: "dev").credentials()
        #expect(credentials == AWSCredentials(accessKeyID: "AKIA", secretAccessKey: "s"))
    }

    @Test func theCommandLineGoesThroughTheShell() async throws {
        let directory = try TemporaryDirectory()
        let command = #"printf '{"Version":1,"AccessKeyId":"%s","SecretAccessKey":"s"}' "$(echo AKID-$((40+2)))""#
        let credentials = try await ProcessCredentialProvider(command: command, profileName: "dev").credentials()
        #expect(credentials.accessKeyID == "AKID-42")
        _ = directory
    }

    @Test func aFailingCommandReportsItsStatusOnly() async throws {
        let directory = try TemporaryDirectory()
        let path = try Self.script(
            directory, output: #"{"Version":1,"AccessKeyId":"AKIA","SecretAccessKey":"leaked-secret"}"#, exitStatus: 3)
        let error = await #expect(throws: CredentialError.self) {
            try await ProcessCredentialProvider(command: path, profileName: "dev").credentials()
        }
        #expect(error?.code == .processFailed)
        #expect(error?.message == "profile dev: credential_process exited with status 3")
    }

    @Test func aMissingCommandFails() async throws {
        let error = await #expect(throws: CredentialError.self) {
            try await ProcessCredentialProvider(command: "/nonexistent/helper --flag", profileName: "x").credentials()
        }
        #expect(error?.code == .processFailed)
        #expect(error?.message == "profile x: credential_process exited with status 127")
    }

    @Test(arguments: [
        (#"{"Version":2,"AccessKeyId":"AKIA","SecretAccessKey":"secret-v2"}"#, "printed Version 2; only 1 is known"),
        (#"{"AccessKeyId":"AKIA","SecretAccessKey":"secret-nov"}"#, "printed Version (none); only 1 is known"),
        (#"{"Version":1,"SecretAccessKey":"secret-noid"}"#, "lacks AccessKeyId or SecretAccessKey"),
        (#"{"Version":1,"AccessKeyId":"A","SecretAccessKey":"secret-exp","Expiration":"soon"}"#, "not an ISO 8601"),
        ("AccessKeyId=A SecretAccessKey=secret-text", "is not a JSON object of credentials"),
    ])
    func invalidOutputIsExplainedWithoutQuotingIt(output: String, fragment: String) async throws {
        let directory = try TemporaryDirectory()
        let path = try Self.script(directory, output: output)
        let error = await #expect(throws: CredentialError.self) {
            try await ProcessCredentialProvider(command: path, profileName: "dev").credentials()
        }
        #expect(error?.code == .invalidResponse)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
        #expect(error?.description.contains("secret-") == false)
    }

    @Test func aCommandEndedByASignalSaysSo() async throws {
        let error = await #expect(throws: CredentialError.self) {
            try await ProcessCredentialProvider(command: "kill -9 $$", profileName: "p").credentials()
        }
        #expect(error?.message == "profile p: credential_process was ended by signal 9")
    }

    @Test func aHangingCommandIsStopped() async throws {
        let error = await #expect(throws: CredentialError.self) {
            try await ProcessCredentialProvider(
                command: "exec sleep 30", profileName: "slow", timeout: .milliseconds(200)
            )
            .credentials()
        }
        #expect(error?.code == .processFailed)
        #expect(error?.message.contains("did not finish within") == true)
    }
}
