// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Testing

@Suite struct RegionResolverTests {
    static let arn = try? StreamARN(parsing: "arn:aws:kinesis:eu-west-3:123456789012:stream/s")

    @Test func awsRegionComesFirst() {
        let environment = ["AWS_REGION": "us-east-2", "AWS_DEFAULT_REGION": "us-west-2"]
        #expect(RegionResolver.resolve(environment: environment, streamARN: Self.arn) == "us-east-2")
    }

    @Test func defaultRegionIsSecond() {
        let environment = ["AWS_REGION": "", "AWS_DEFAULT_REGION": "us-west-2"]
        #expect(RegionResolver.resolve(environment: environment, streamARN: Self.arn) == "us-west-2")
    }

    @Test func arnRegionIsLast() throws {
        let arn = try #require(Self.arn)
        #expect(RegionResolver.resolve(environment: ["AWS_DEFAULT_REGION": ""], streamARN: arn) == "eu-west-3")
    }

    @Test func nothingGivesNil() {
        #expect(RegionResolver.resolve(environment: ["AWS_PROFILE": "x"], streamARN: nil) == nil)
    }

    @Test func theProfileRegionComesAfterTheVariablesAndBeforeTheARN() throws {
        let arn = try #require(Self.arn)
        let shared = SharedConfiguration(
            config: "[default]\nregion = ap-northeast-1\n[profile other]\nregion = ca-central-1\n", credentials: nil,
            environment: [:])
        #expect(
            RegionResolver.resolve(environment: [:], configuration: shared, streamARN: arn)
                == RegionChoice(region: "ap-northeast-1", source: "profile default"))
        #expect(
            RegionResolver.resolve(
                environment: ["AWS_DEFAULT_REGION": "us-west-1"], configuration: shared, streamARN: arn)
                == RegionChoice(region: "us-west-1", source: "AWS_DEFAULT_REGION"))
        let empty = SharedConfiguration(config: "[default]\nregion =\n", credentials: nil, environment: [:])
        #expect(
            RegionResolver.resolve(environment: [:], configuration: empty, streamARN: arn)
                == RegionChoice(region: "eu-west-3", source: "the stream ARN"))
    }

    @Test func theNamedProfilesRegion() {
        let shared = SharedConfiguration(
            config: "[default]\nregion = ap-northeast-1\n[profile other]\nregion = ca-central-1\n", credentials: nil,
            environment: ["AWS_PROFILE": "other"])
        #expect(
            RegionResolver.resolve(environment: [:], configuration: shared, streamARN: nil)?.description
                == "ca-central-1 (from profile other)")
    }

    @Test func instanceMetadataIsTheLastResort() async throws {
        let imds = FakeIMDS(document: "{}")
        try await withFakeServer(imds.handle) { server in
            let client = try IMDSClient(
                environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL], http: SocketHTTPClient())
            let choice = await RegionResolver.resolve(
                environment: [:], configuration: SharedConfiguration(), streamARN: nil, imds: client)
            #expect(choice == RegionChoice(region: "eu-west-3", source: "EC2 instance metadata"))
            let arn = try #require(Self.arn)
            let fromARN = await RegionResolver.resolve(
                environment: [:], configuration: nil, streamARN: arn, imds: client)
            #expect(fromARN?.source == "the stream ARN")
            #expect(server.requests.count == 2, "asked once, for the first resolution only (token, then region)")
        }
    }

    @Test func anUnreachableInstanceMetadataServiceGivesNoRegion() async throws {
        let client = try IMDSClient(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:\(try SocketIO.closedPort())"],
            http: SocketHTTPClient())
        #expect(await RegionResolver.resolve(environment: [:], configuration: nil, streamARN: nil, imds: client) == nil)
        #expect(await RegionResolver.resolve(environment: [:], configuration: nil, streamARN: nil, imds: nil) == nil)
    }

    @Test func aMismatchIsExplained() throws {
        let arn = try #require(Self.arn)
        let choice = RegionChoice(region: "us-east-1", source: "AWS_REGION")
        #expect(
            RegionResolver.mismatch(choice, streamARN: arn)
                == "the stream ARN arn:aws:kinesis:eu-west-3:123456789012:stream/s is in region eu-west-3, but the "
                + "region from AWS_REGION is us-east-1; requests would go to us-east-1 and not find the stream. "
                + "Set the region to eu-west-3 (or unset AWS_REGION to use the ARN's region)")
        #expect(RegionResolver.mismatch(RegionChoice(region: "eu-west-3", source: "AWS_REGION"), streamARN: arn) == nil)
        #expect(RegionResolver.mismatch(choice, streamARN: nil) == nil)
    }
}
