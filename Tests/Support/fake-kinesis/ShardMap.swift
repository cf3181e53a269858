// SPDX-License-Identifier: Apache-2.0

/// The shards of the fake stream: the 128-bit hash key space split evenly, as `CreateStream` does
/// (for 4 shards the starting keys are 0, 2^126, 2^127 and 3·2^126).
struct ShardMap: Sendable {
    /// How many shards; at least 1.
    let count: Int
    private let step: UInt128

    /// Splits the hash key space into `count` shards (`count` is clamped to at least 1).
    init(count: Int) {
        let shards = max(count, 1)
        self.count = shards
        let divisor = UInt128(shards)
        var step = UInt128.max / divisor
        if UInt128.max % divisor == divisor - 1 {
            step += 1
        }
        self.step = step
    }

    /// The shard whose range holds `hashKey`.
    func shardIndex(forHashKey hashKey: UInt128) -> Int {
        min(Int(hashKey / step), count - 1)
    }

    /// `StartingHashKey` of shard `index`.
    func startingHashKey(_ index: Int) -> UInt128 {
        UInt128(index) * step
    }

    /// `EndingHashKey` of shard `index` (the last shard ends at 2^128 − 1).
    func endingHashKey(_ index: Int) -> UInt128 {
        index == count - 1 ? UInt128.max : UInt128(index + 1) * step - 1
    }

    /// `shardId-000000000003` for index 3.
    static func shardID(_ index: Int) -> String {
        let digits = String(index)
        return "shardId-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// Parses an `ExplicitHashKey`: `nil` when it does not match `0|([1-9]\d{0,38})`; `.failure`
    /// with the text when it matches but is 2^128 or more.
    static func parseExplicitHashKey(_ text: some Collection<UInt8>) -> Result<UInt128, ExplicitHashKeyError>? {
        guard let first = text.first, (1...39).contains(text.count) else { return nil }
        guard text.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        guard first != UInt8(ascii: "0") || text.count == 1 else { return nil }
        var value: UInt128 = 0
        for digit in text {
            let (times10, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times10.addingReportingOverflow(UInt128(digit - UInt8(ascii: "0")))
            guard !overflowA, !overflowB else {
                return .failure(ExplicitHashKeyError(text: String(decoding: Array(text), as: UTF8.self)))
            }
            value = sum
        }
        return .success(value)
    }
}

/// An `ExplicitHashKey` that is a well-formed decimal but not below 2^128.
struct ExplicitHashKeyError: Error, Sendable, Equatable {
    /// The key as sent.
    let text: String
}
