// SPDX-License-Identifier: Apache-2.0

import AWSAuth
import Foundation
import KinesisExporter
import RelayConfig

/// Resolves one configured Kinesis exporter against the environment: stream target, region, endpoint.
struct KinesisExporterPlan {
    let name: String
    let configuration: KinesisExporterConfiguration
    let settings: PutRecordsClient.Settings
    let streamDescription: String
    let region: RegionChoice

    init(
        configuration: KinesisExporterConfiguration, environment: [String: String], shared: SharedConfiguration?,
        imds: IMDSClient?
    ) async throws {
        self.configuration = configuration
        self.name = configuration.keyPath
        var arn: StreamARN?
        if let text = configuration.streamARN {
            arn = try StreamARN(parsing: text)
        }
        guard
            let choice = await RegionResolver.resolve(
                environment: environment, configuration: shared, streamARN: arn, imds: imds)
        else {
            throw RelayProcess.StartupError(
                description: "\(configuration.keyPath): no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION), "
                    + "a profile region, or name the stream by streamArn")
        }
        if let mismatch = RegionResolver.mismatch(choice, streamARN: arn) {
            throw RelayProcess.StartupError(description: "\(configuration.keyPath): \(mismatch)")
        }
        self.region = choice
        let endpoint = try KinesisEndpointResolver.resolve(
            region: choice.region, streamARN: arn, environment: environment, configuration: shared)
        let target: KinesisStreamTarget
        if let text = configuration.streamARN {
            target = .arn(text)
            streamDescription = text
        } else {
            let streamName = configuration.streamName ?? ""
            target = .name(streamName)
            streamDescription = streamName
        }
        settings = PutRecordsClient.Settings(
            url: endpoint.url, signingRegion: endpoint.signingRegion, target: target,
            explicitHashKey: configuration.explicitHashKey, timeout: configuration.requestTimeout)
    }

    func senderConfiguration(drainTimeout: Duration) -> KinesisSenderConfiguration {
        KinesisSenderConfiguration(
            name: name,
            maxBatchRecords: configuration.maxBatchRecords,
            maxBatchBytes: configuration.maxBatchBytes,
            maxRecordBytes: configuration.maxRecordBytes,
            backoff: Backoff(base: configuration.retryBaseDelay, cap: configuration.retryMaxDelay),
            parkInterval: configuration.parkedRetryInterval,
            drainTimeout: drainTimeout,
            maxConcurrentCalls: configuration.maxConcurrentCalls)
    }

    var partitionKeyStrategy: PartitionKeyStrategy {
        switch configuration.partitionKeySource {
        case .constant(let key): .constant(key)
        case .userKey: .userKey
        case .flagKey: .flagKey
        case .random: .random
        }
    }

    /// `exporters[1]` → `exporters-1`: a name safe in a file path.
    var fileSafeName: String {
        String(name.map { $0.isLetter || $0.isNumber ? $0 : "-" }).trimmingCharacters(
            in: CharacterSet(charactersIn: "-"))
    }

    func spoolDirectory(dataDir: String) -> String { "\(dataDir)/spool/\(fileSafeName)" }

    func deadLetterPath(dataDir: String) -> String { "\(dataDir)/dead-letter-\(fileSafeName).jsonl" }
}
