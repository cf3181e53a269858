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
}
