// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Testing

@Suite struct SharedConfigurationTests {
    @Test func credentialsFileWinsOverConfigForTheSameProfile() {
        let shared = SharedConfiguration(
            config: "[profile dev]\nregion = eu-west-1\naws_access_key_id = FROMCONFIG\n",
            credentials: "[dev]\naws_access_key_id = FROMCREDENTIALS\naws_secret_access_key = s\n",
            environment: ["AWS_PROFILE": "dev"])
        #expect(shared.profileName == "dev")
        #expect(shared.profileIsExplicit)
        #expect(
            shared.selectedProfile?.properties == [
                "region": "eu-west-1", "aws_access_key_id": "FROMCREDENTIALS", "aws_secret_access_key": "s",
            ])
    }

    @Test func emptyProfileVariableMeansDefault() {
        let shared = SharedConfiguration(
            config: "[default]\nregion = us-east-2\n", credentials: nil, environment: ["AWS_PROFILE": ""])
        #expect(shared.profileName == "default")
        #expect(!shared.profileIsExplicit)
        #expect(shared.selectedProfile?["region"] == "us-east-2")
    }

    @Test func servicesSectionOfTheSelectedProfile() {
        let shared = SharedConfiguration(
            config: "[default]\nservices = dev\n[services dev]\nkinesis =\n  endpoint_url = http://127.0.0.1:1\n",
            credentials: nil, environment: [:])
        #expect(shared.selectedServices?.subProperties["kinesis"]?["endpoint_url"] == "http://127.0.0.1:1")
    }

    @Test func loadsTheFilesTheEnvironmentNames() throws {
        let directory = try TemporaryDirectory()
        let config = try directory.write("config", "[profile dev]\nregion = eu-north-1\n[oops\n")
        let credentials = try directory.write("credentials", "[dev]\naws_access_key_id = AKID\n")
        let shared = try SharedConfiguration.load(environment: [
            "AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": credentials, "AWS_PROFILE": "dev",
        ])
        #expect(shared.selectedProfile?.properties == ["region": "eu-north-1", "aws_access_key_id": "AKID"])
        #expect(shared.configPath == config)
        #expect(shared.warnings == ["\(config): line 3: a section header without ']' (section skipped)"])
    }

    @Test func homeDirectoryDefaultsAndTildeExpansion() throws {
        let directory = try TemporaryDirectory()
        try directory.write("dot-aws-config", "[default]\nregion = sa-east-1\n")
        let shared = try SharedConfiguration.load(environment: [
            "HOME": directory.path, "AWS_CONFIG_FILE": "~/dot-aws-config",
        ])
        #expect(shared.selectedProfile?["region"] == "sa-east-1")
        #expect(shared.credentialsPath == directory.path + "/.aws/credentials")
    }

    @Test func missingFilesAreEmpty() throws {
        let directory = try TemporaryDirectory()
        let shared = try SharedConfiguration.load(environment: [
            "AWS_CONFIG_FILE": directory.path + "/none", "AWS_SHARED_CREDENTIALS_FILE": directory.path + "/none2",
        ])
        #expect(shared.selectedProfile == nil)
        #expect(shared.config == ProfileFile())
    }

    @Test func aDirectoryIsUnreadable() throws {
        let directory = try TemporaryDirectory()
        let error = #expect(throws: CredentialError.self) {
            try SharedConfiguration.load(environment: ["AWS_CONFIG_FILE": directory.path])
        }
        #expect(error?.code == .fileUnreadable)
        #expect(error?.variable == "AWS_CONFIG_FILE")
    }
}
