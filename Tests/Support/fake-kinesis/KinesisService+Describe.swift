// SPDX-License-Identifier: Apache-2.0
import Foundation

extension KinesisService {
    /// ListShards: every shard, one page.
    func listShards() -> FakeResponse {
        var json = JSONOutput()
        json.raw("{\"Shards\":[")
        for index in 0..<shards.count {
            if index > 0 { json.raw(",") }
            json.raw("{\"ShardId\":")
            json.string(ShardMap.shardID(index))
            json.raw(",\"HashKeyRange\":{\"StartingHashKey\":")
            json.string(String(shards.startingHashKey(index)))
            json.raw(",\"EndingHashKey\":")
            json.string(String(shards.endingHashKey(index)))
            json.raw("},\"SequenceNumberRange\":{\"StartingSequenceNumber\":")
            writeSequenceNumber(shard: index, sequence: 0, to: &json)
            json.raw("}}")
        }
        json.raw("]}")
        return respond(json: json)
    }

    /// DescribeStreamSummary: an active provisioned stream.
    func describeStreamSummary() -> FakeResponse {
        var json = JSONOutput()
        json.raw("{\"StreamDescriptionSummary\":{\"StreamName\":")
        json.string(configuration.streamName)
        json.raw(",\"StreamARN\":")
        json.string(configuration.streamARN)
        json.raw(",\"StreamStatus\":\"ACTIVE\",\"StreamModeDetails\":{\"StreamMode\":\"PROVISIONED\"}")
        json.raw(",\"RetentionPeriodHours\":24,\"StreamCreationTimestamp\":")
        json.integer(Int64(startedAt.timeIntervalSince1970))
        json.raw(",\"EnhancedMonitoring\":[{\"ShardLevelMetrics\":[]}],\"EncryptionType\":\"NONE\"")
        json.raw(",\"OpenShardCount\":")
        json.integer(shards.count)
        json.raw(",\"ConsumerCount\":0,\"MaxRecordSizeInKiB\":")
        json.integer(configuration.maxRecordBytes / 1024)
        json.raw("}}")
        return respond(json: json)
    }
}
