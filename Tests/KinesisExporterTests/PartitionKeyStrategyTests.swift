// SPDX-License-Identifier: Apache-2.0

import KinesisExporter
import Testing

@Test func constantKeyIsUsedAsIs() {
    #expect(PartitionKeyStrategy.constant("default").key(userKey: "u", flagKey: "f") == "default")
}

@Test func userAndFlagKeysComeFromTheEvent() {
    #expect(PartitionKeyStrategy.userKey.key(userKey: "user-42", flagKey: "f") == "user-42")
    #expect(PartitionKeyStrategy.flagKey.key(userKey: "user-42", flagKey: "new-ui") == "new-ui")
}

@Test func anEmptyComputedKeyFallsBackToDefault() {
    #expect(PartitionKeyStrategy.userKey.key(userKey: "", flagKey: "f") == "default")
}

@Test func aKeyOf256CharactersIsKeptAndLongerOnesAreHashedNotCut() {
    let exact = String(repeating: "a", count: 256)
    #expect(PartitionKeyStrategy.userKey.key(userKey: exact, flagKey: "") == exact)
    // SHA-256 of 257 × "a", computed with Python's hashlib.
    let long = String(repeating: "a", count: 257)
    let hashed = PartitionKeyStrategy.userKey.key(userKey: long, flagKey: "")
    #expect(hashed == "e8d95cc2b4bc198c54b40bd214df958afb65f5e73d2c2eafe0593cf5c635c1f0")
    #expect(PartitionKeyStrategy.userKey.key(userKey: long, flagKey: "") == hashed, "stable")
    #expect(PartitionKeyStrategy.bounded(long + "b") != hashed)
}

@Test func randomKeysAre16HexDigits() {
    #expect(PartitionKeyStrategy.random.key(userKey: "u", flagKey: "f", randomBits: { 0xAB }) == "00000000000000ab")
    #expect(PartitionKeyStrategy.random.key(userKey: "u", flagKey: "f", randomBits: { .max }) == "ffffffffffffffff")
}
