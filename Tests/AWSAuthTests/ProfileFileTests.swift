// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Testing

@Suite struct ProfileFileTests {
    @Test func configFileNamesProfilesWithThePrefix() {
        let file = ProfileFile(
            parsing: """
                [default]
                region = us-east-1

                [profile dev]
                region = eu-west-1

                [staging]
                region = ap-south-1
                """, kind: .config)
        #expect(file.profiles.keys.sorted() == ["default", "dev"])
        #expect(file.profiles["dev"]?["region"] == "eu-west-1")
        #expect(
            file.warnings == [
                "line 7: a section header that is not [profile name], [default], [services name] or "
                    + "[sso-session name] (section skipped)"
            ])
    }

    @Test func credentialsFileNamesProfilesWithoutThePrefix() {
        let file = ProfileFile(
            parsing: """
                [default]
                aws_access_key_id = AKIDDEFAULT
                [dev]
                aws_access_key_id = AKIDDEV
                [profile prod]
                aws_access_key_id = AKIDPROD
                """, kind: .credentials)
        #expect(file.profiles.keys.sorted() == ["default", "dev"])
        #expect(file.profiles["dev"]?["aws_access_key_id"] == "AKIDDEV")
        #expect(file.warnings.count == 1)
    }

    @Test func commentsAndBlankLines() {
        let file = ProfileFile(
            parsing: """
                # a comment
                ; another comment
                [profile a] # comment after the header
                   # an indented comment
                region = us-west-2 # trailing comment
                output = json;not a comment without a blank before it
                endpoint_url = http://host/#fragment
                role_arn = arn:aws:iam::123456789012:role/x	; tab then comment

                """, kind: .config)
        let profile = file.profiles["a"]
        #expect(profile?["region"] == "us-west-2")
        #expect(profile?["output"] == "json;not a comment without a blank before it")
        #expect(profile?["endpoint_url"] == "http://host/#fragment")
        #expect(profile?["role_arn"] == "arn:aws:iam::123456789012:role/x")
        #expect(file.warnings.isEmpty)
    }

    @Test func whitespaceAroundNamesKeysAndValues() {
        let file = ProfileFile(
            parsing: "[  profile \t spaced  ]\n  \n\tREGION\t=\t us-east-2  \nkey_without_spaces=value\nempty =\n",
            kind: .config)
        let profile = file.profiles["spaced"]
        #expect(profile?["region"] == "us-east-2")
        #expect(profile?["Region"] == "us-east-2", "lookups ignore case")
        #expect(profile?["key_without_spaces"] == "value")
        #expect(profile?["empty"] == "")
        #expect(profile?.value("empty") == nil)
    }

    @Test func crlfLineEndingsAndAByteOrderMark() {
        let file = ProfileFile(
            parsing: "\u{FEFF}[default]\r\naws_access_key_id = AKID\r\naws_secret_access_key = secret\r\n"
                + "[profile x]\r\nkinesis =\r\n  endpoint_url = http://127.0.0.1:4567\r\n", kind: .config)
        #expect(file.profiles["default"]?["aws_access_key_id"] == "AKID")
        #expect(file.profiles["default"]?["aws_secret_access_key"] == "secret")
        #expect(file.profiles["x"]?.subProperties["kinesis"] == ["endpoint_url": "http://127.0.0.1:4567"])
        #expect(file.warnings.isEmpty)
    }

    @Test func subSectionsAndContinuationLines() {
        let file = ProfileFile(
            parsing: """
                [services local]
                kinesis =
                  endpoint_url = http://127.0.0.1:4567
                  # a whole-line comment, even indented
                STS =
                    Endpoint_URL = http://127.0.0.1:4568 ; kept (no inline comments in sub-properties)
                [profile long]
                description = first line
                  second line
                region = us-east-1
                """, kind: .config)
        let services = file.services["local"]
        #expect(services?.subProperties["kinesis"] == ["endpoint_url": "http://127.0.0.1:4567"])
        #expect(
            services?.subProperties["sts"] == [
                "endpoint_url": "http://127.0.0.1:4568 ; kept (no inline comments in sub-properties)"
            ])
        #expect(file.profiles["long"]?["description"] == "first line\nsecond line")
        #expect(file.profiles["long"]?["region"] == "us-east-1")
        #expect(file.warnings.isEmpty)
    }

    @Test func duplicateSectionsMergeAndTheLastValueWins() {
        let file = ProfileFile(
            parsing: """
                [profile a]
                region = us-east-1
                output = json
                [profile b]
                region = eu-west-1
                [profile a]
                region = us-west-2
                region = us-west-1
                """, kind: .config)
        #expect(file.profiles["a"]?.properties == ["region": "us-west-1", "output": "json"])
        #expect(file.profiles["b"]?["region"] == "eu-west-1")
    }

    @Test func profileDefaultWinsOverDefault() {
        let file = ProfileFile(
            parsing: """
                [profile default]
                region = eu-central-1
                [default]
                region = us-east-1
                output = text
                """, kind: .config)
        #expect(file.profiles["default"]?.properties == ["region": "eu-central-1"])
    }

    @Test func ssoSessionsAreTheirOwnSections() {
        let file = ProfileFile(
            parsing: "[sso-session corp]\nsso_region = us-east-1\n[profile corp]\nsso_session = corp\n", kind: .config)
        #expect(file.ssoSessions["corp"]?["sso_region"] == "us-east-1")
        #expect(file.profiles["corp"]?["sso_session"] == "corp")
    }

    @Test func invalidLinesAreSkippedWithTheirLineNumberOnly() {
        let file = ProfileFile(
            parsing: """
                orphan = before any section
                [profile ok
                region = skipped-with-its-section
                [profile two words]
                [profile]
                [profile fine]
                this line has no equals sign aws_secret_access_key wJalrXUtnFEMI
                = no key
                region = us-east-1
                """, kind: .config)
        #expect(file.profiles.keys.sorted() == ["fine"])
        #expect(file.profiles["fine"]?.properties == ["region": "us-east-1"])
        #expect(
            file.warnings.map { $0.prefix(7) } == ["line 1:", "line 2:", "line 4:", "line 5:", "line 7:", "line 8:"])
        #expect(!file.warnings.joined().contains("wJalrXUtnFEMI"))
    }

    @Test func sectionDescriptionsShowKeysNotValues() {
        let file = ProfileFile(
            parsing: "[secret]\naws_access_key_id = AKID\naws_secret_access_key = wJalrXUtnFEMI\n", kind: .credentials)
        let section = file.profiles["secret"]
        var dumped = ""
        dump(section, to: &dumped)
        for text in [String(describing: section), "\(String(describing: section?.description))", dumped] {
            #expect(!text.contains("wJalrXUtnFEMI"), "\(text)")
            #expect(text.contains("aws_secret_access_key"), "\(text)")
        }
    }

    @Test func aRealWorldConfig() {
        // Shaped like files written by `aws configure`, `aws configure sso` and people's editors.
        let text = """
            [default]
            region=us-east-1
            output=json
            cli_pager=

            # Production: assume a role from the default keys.
            [profile prod]
            role_arn = arn:aws:iam::123456789012:role/kinesis-writer
            source_profile = default
            external_id = 3f2c
            duration_seconds = 3600
            role_session_name = goff-relay
            region = eu-west-1
            services = local-emulators
            s3 =
              max_concurrent_requests = 20

            [sso-session my-sso]
            sso_start_url = https://my-sso-portal.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access

            [services local-emulators]
            kinesis =
              endpoint_url = http://localhost:4566
            """
        let file = ProfileFile(parsing: text, kind: .config)
        #expect(file.profiles["default"]?.properties == ["region": "us-east-1", "output": "json", "cli_pager": ""])
        #expect(file.profiles["prod"]?["external_id"] == "3f2c")
        #expect(file.profiles["prod"]?.subProperties["s3"] == ["max_concurrent_requests": "20"])
        #expect(file.services["local-emulators"]?.subProperties["kinesis"]?["endpoint_url"] == "http://localhost:4566")
        #expect(file.ssoSessions["my-sso"]?["sso_region"] == "us-east-1")
        #expect(file.warnings.isEmpty)
    }
}
