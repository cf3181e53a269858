// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Testing

@Suite struct KinesisEndpointResolverTests {
    @Test func tableIsFromBotocoreAndComplete() throws {
        let table = try EndpointTable.load()
        #expect(table.botocore == "1.43.11")
        #expect(table.rows.count == 593)
        #expect(table.rows.filter { $0.config != nil }.count == 36)
        #expect(table.rows.count == EndpointTable.rows.count)
        #expect(table.rows.allSatisfy { ($0.url == nil) != ($0.error == nil) })
    }

    /// Every row of botocore's answers. Where botocore fails, we fail with the same category, and
    /// with botocore's exact message for the three it words well.
    @Test(arguments: EndpointTable.rows)
    func matchesBotocore(row: EndpointTable.Row) throws {
        let arn = try row.streamARN.map { text throws(StreamARNError) in try StreamARN(parsing: text) }
        let configuration = row.config.map {
            SharedConfiguration(config: $0, credentials: nil, environment: row.environment)
        }
        let region = try #require(
            row.region
                ?? RegionResolver.resolve(environment: row.environment, configuration: configuration, streamARN: nil)?
                .region)
        let result = Result { () throws(KinesisEndpointError) in
            try KinesisEndpointResolver.resolve(
                region: region, streamARN: arn, environment: row.environment, configuration: configuration)
        }
        switch (result, row.url, row.errorType) {
        case (.success(let endpoint), let url?, nil):
            #expect(endpoint.url == url)
            #expect(endpoint.signingRegion == region)
            #expect(endpoint.signingName == "kinesis")
        case (.failure(let error), nil, let errorType?):
            let expectedCode: [String: KinesisEndpointError.Code] = [
                "EndpointResolutionError": .partitionMismatch, "InvalidRegionError": .invalidRegion,
                "ValueError": .invalidEndpoint, "EndpointVariantError": .unsupportedVariant,
                "InvalidConfigError": .invalidProfile,
            ]
            #expect(error.code == expectedCode[errorType])
            if error.code != .unsupportedVariant {
                #expect(error.message == row.error)
            }
        default:
            Issue.record("botocore: \(row.url ?? row.error ?? "?"); ours: \(result)")
        }
    }

    @Test func specTableExamples() throws {
        let arn = try StreamARN(parsing: "arn:aws:kinesis:us-east-1:123456789012:stream/flag-events")
        func url(_ region: String, _ arn: StreamARN?, _ environment: [String: String] = [:]) throws -> String {
            try KinesisEndpointResolver.resolve(region: region, streamARN: arn, environment: environment).url
        }
        #expect(try url("us-east-1", nil) == "https://kinesis.us-east-1.amazonaws.com/")
        #expect(try url("us-east-1", arn) == "https://123456789012.data-kinesis.us-east-1.amazonaws.com/")
        #expect(try url("eu-west-1", arn) == "https://123456789012.data-kinesis.eu-west-1.amazonaws.com/")
        #expect(
            try url("us-east-1", arn, ["AWS_USE_FIPS_ENDPOINT": "true"])
                == "https://123456789012.data-kinesis-fips.us-east-1.amazonaws.com/")
        #expect(
            try url("us-east-1", arn, ["AWS_USE_DUALSTACK_ENDPOINT": "true"])
                == "https://123456789012.data-kinesis.us-east-1.api.aws/")
        #expect(
            try url("us-gov-west-1", nil, ["AWS_USE_FIPS_ENDPOINT": "true"])
                == "https://kinesis.us-gov-west-1.amazonaws.com/")
        #expect(try url("us-isob-east-1", nil) == "https://kinesis.us-isob-east-1.sc2s.sgov.gov/")
        #expect(try url("eusc-de-east-1", nil) == "https://kinesis.eusc-de-east-1.amazonaws.eu/")
    }

    @Test func partitionMismatchUsesBotocoreWording() throws {
        let arn = try StreamARN(parsing: "arn:aws-cn:kinesis:cn-north-1:123456789012:stream/s")
        let error = #expect(throws: KinesisEndpointError.self) {
            try KinesisEndpointResolver.resolve(region: "us-east-1", streamARN: arn, environment: [:])
        }
        #expect(error?.code == .partitionMismatch)
        #expect(error?.message == "Partition: aws-cn from ARN doesn't match with partition name: aws.")
    }

    @Test func emptyRegionIsRejected() {
        let error = #expect(throws: KinesisEndpointError.self) {
            try KinesisEndpointResolver.resolve(region: "", streamARN: nil, environment: [:])
        }
        #expect(error?.code == .invalidRegion)
    }

    @Test(arguments: [
        "ftp://127.0.0.1:21", "http://127.0.0.1:99999", "http://127.0.0.1:x", "http://a b", "http://[zz]",
        "http://127.0.0.1:4567\r\n",
    ])
    func endpointsCurlCannotUseAreRejected(endpoint: String) {
        // Stricter than botocore, which only checks the host name.
        let error = #expect(throws: KinesisEndpointError.self) {
            try KinesisEndpointResolver.resolve(
                region: "us-east-1", streamARN: nil, environment: ["AWS_ENDPOINT_URL": endpoint])
        }
        #expect(error?.message == "Invalid endpoint: \(endpoint)")
    }

    @Test func signingRegionIsTheClientRegionForCustomEndpoints() throws {
        let endpoint = try KinesisEndpointResolver.resolve(
            region: "eu-central-1", streamARN: nil, environment: ["AWS_ENDPOINT_URL_KINESIS": "http://127.0.0.1:4567"])
        #expect(endpoint == KinesisEndpoint(url: "http://127.0.0.1:4567/", signingRegion: "eu-central-1"))
    }

    @Test func profileSettingsApplyAndTheEnvironmentWins() throws {
        let config = """
            [profile dev]
            services = local
            use_fips_endpoint = true
            [services local]
            kinesis =
              endpoint_url = http://127.0.0.1:4567
            """
        let shared = SharedConfiguration(config: config, credentials: nil, environment: ["AWS_PROFILE": "dev"])
        func url(_ environment: [String: String]) throws -> String {
            try KinesisEndpointResolver.resolve(
                region: "us-east-1", streamARN: nil, environment: environment, configuration: shared
            ).url
        }
        #expect(try url([:]) == "http://127.0.0.1:4567/")
        #expect(try url(["AWS_ENDPOINT_URL": "http://127.0.0.1:1"]) == "http://127.0.0.1:1/")
        #expect(
            try url(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"]) == "https://kinesis-fips.us-east-1.amazonaws.com/")
        #expect(
            try url(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_USE_FIPS_ENDPOINT": "false"])
                == "https://kinesis.us-east-1.amazonaws.com/")
    }
}
