// SPDX-License-Identifier: Apache-2.0

/// Per-shard token buckets (records and bytes), refilled continuously, holding one second's worth:
/// the provisioned-throughput check of a real shard (1,000 records/s and 1 MiB/s by default on AWS).
struct ShardRateLimiter: Sendable {
    private var recordTokens: [Double]
    private var byteTokens: [Double]
    private var lastRefill: [UInt64]

    /// Creates full buckets for `shards` shards.
    init(shards: Int) {
        recordTokens = Array(repeating: -1, count: shards)
        byteTokens = Array(repeating: -1, count: shards)
        lastRefill = Array(repeating: 0, count: shards)
    }

    /// Takes one record of `size` bytes from `shard`'s buckets if both have room. A limit of 0
    /// means unlimited. `now` is a monotonic time in nanoseconds.
    mutating func admit(shard: Int, size: Int, now: UInt64, recordsPerSecond: Int, bytesPerSecond: Int) -> Bool {
        if recordsPerSecond <= 0, bytesPerSecond <= 0 { return true }
        let records = Double(recordsPerSecond)
        let bytes = Double(bytesPerSecond)
        if recordTokens[shard] < 0 {
            recordTokens[shard] = records
            byteTokens[shard] = bytes
        } else {
            let elapsed = Double(now &- lastRefill[shard]) / 1e9
            recordTokens[shard] = min(records, recordTokens[shard] + elapsed * records)
            byteTokens[shard] = min(bytes, byteTokens[shard] + elapsed * bytes)
        }
        lastRefill[shard] = now
        let recordsOK = recordsPerSecond <= 0 || recordTokens[shard] >= 1
        let bytesOK = bytesPerSecond <= 0 || byteTokens[shard] >= Double(size)
        guard recordsOK, bytesOK else { return false }
        recordTokens[shard] -= 1
        byteTokens[shard] -= Double(size)
        return true
    }
}
