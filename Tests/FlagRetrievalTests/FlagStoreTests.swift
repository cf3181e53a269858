// SPDX-License-Identifier: Apache-2.0

import Events
import Foundation
import Testing

@testable import FlagRetrieval

/// A normalizer that drops flags without `variations` and rejects the whole set on `"reject": true`.
private struct StrictNormalizer: FlagNormalizer {
    func normalize(key: String, flag: JSONValue) throws(FlagRetrievalError) -> NormalizedFlag {
        if flag.objectValue?["reject"] == .bool(true) {
            throw FlagRetrievalError(code: .invalidConfiguration, message: "cannot unmarshal flag \(key)")
        }
        guard flag.objectValue?["variations"] != nil else { return .invalid(reason: "no variation available") }
        return .valid(json: GoJSONEncoder().encode(flag))
    }
}

@Suite("Flag store")
struct FlagStoreTests {
    private let sample: FlagSet = ["b": ["version": "2"], "a": ["variations": ["on": true]]]

    @Test("change hashes are FNV-1a 32 of the flag map JSON and of each flag (known answers)")
    func hashes() throws {
        let store = FlagStore(logger: quietLogger)
        try store.install(sample)
        let snapshot = store.snapshot
        #expect(snapshot.flagHashes == ["a": 2_351_550_216, "b": 2_480_468_829])
        #expect(snapshot.hash == 3_730_303_707)
        #expect(text(snapshot.changeBody) == #"{"hash":3730303707,"flags":{"a":2351550216,"b":2480468829}}"#)
        #expect(snapshot.changeETag == #""60-92fa2aba1a225db989264b6a3185850a11f1fa38""#)
    }

    @Test("the configuration body and its strong ETag (SHA-1 of the body plus newline)")
    func configurationBody() throws {
        let store = FlagStore(evaluationContextEnrichment: ["env": "prod"], logger: quietLogger)
        try store.install(sample)
        let snapshot = store.snapshot
        #expect(
            text(snapshot.configurationBody)
                == #"{"flags":{"a":{"variations":{"on":true}},"b":{"version":"2"}},"#
                + #""evaluationContextEnrichment":{"env":"prod"}}"#)
        #expect(snapshot.configurationETag == #""108-8ff65a3599a13a660df1506f0e6914fbbc00680f""#)
        #expect(
            text(snapshot.configurationBody(flagKeys: ["b", "unknown"]))
                == #"{"flags":{"b":{"version":"2"}},"evaluationContextEnrichment":{"env":"prod"}}"#)
        #expect(snapshot.configurationBody(flagKeys: []) == snapshot.configurationBody)
    }

    @Test("an empty store serves an empty flags object and the hash of {}")
    func emptyStore() {
        let snapshot = FlagStore(logger: quietLogger).snapshot
        #expect(text(snapshot.configurationBody) == #"{"flags":{}}"#)
        #expect(snapshot.configurationETag == #""13-8b9016fe9a531fec392aa5f3724ccd9f1c33851f""#)
        #expect(snapshot.hash == 1_415_952_421)
        #expect(snapshot.changeETag == #""31-81c5198a3839dab94043d1141a9bbd1790a9fdde""#)
        #expect(snapshot.refreshedAt == nil)
        #expect(snapshot.lastModified == nil)
        #expect(snapshot.version == 0)
    }

    @Test("invalid flags are dropped and logged; a rejection keeps the previous flags")
    func normalization() async throws {
        let lines = LogLines()
        let store = FlagStore(normalizer: StrictNormalizer(), logger: lines.logger())
        try store.install(["good": ["variations": ["x": 1]], "bad": ["version": "1"]])
        #expect(store.flags.keys == ["good"])
        #expect(
            lines.all == ["error invalid configuration for flag goff.error=no variation available goff.flag_key=bad"])
        let error = await retrievalError { try store.install(["other": ["reject": true]]) }
        #expect(error?.message == "cannot unmarshal flag other")
        #expect(store.flags.keys == ["good"])
    }

    @Test("an unchanged refresh moves only the refresh time; a change bumps the version")
    func refreshTimes() throws {
        let store = FlagStore(logger: quietLogger)
        let first = Date(timeIntervalSince1970: 1_786_842_691)
        let change = try store.install(sample, at: first)
        #expect(change?.isInitialLoad == true)
        #expect(store.snapshot.version == 1)
        #expect(store.snapshot.lastModified == "Sun, 16 Aug 2026 01:11:31 GMT")
        let later = first.addingTimeInterval(60)
        #expect(try store.install(sample, at: later) == nil)
        #expect(store.cacheRefresh == later)
        #expect(store.snapshot.version == 1)
        var updated = sample
        updated["b"] = ["version": "3"]
        let second = try #require(try store.install(updated, at: later))
        #expect(second.isInitialLoad == false)
        #expect(store.snapshot.version == 2)
    }

    @Test("changes are published with GOFF's diff JSON")
    func changes() async throws {
        let store = FlagStore(logger: quietLogger)
        try store.install(["keep": ["version": "1"], "gone": ["version": "1"], "edit": ["version": "1"]])
        let stream = store.changes()
        #expect(store.subscriberCount == 1)
        try store.install(["keep": ["version": "1"], "edit": ["version": "2"], "new": ["version": "1"]])
        var iterator = stream.makeAsyncIterator()
        let change = try #require(await iterator.next())
        #expect(change.added == ["new"])
        #expect(change.deleted == ["gone"])
        #expect(change.updated == ["edit"])
        #expect(
            text(change.diffJSON())
                == #"{"deleted":{"gone":{"version":"1"}},"added":{"new":{"version":"1"}},"#
                + #""updated":{"edit":{"old_value":{"version":"1"},"new_value":{"version":"2"}}}}"#)
    }

    @Test("a cancelled subscriber is removed")
    func unsubscribes() async throws {
        let store = FlagStore(logger: quietLogger)
        let task = Task {
            for await _ in store.changes() {}
        }
        while store.subscriberCount == 0 { await Task.yield() }
        task.cancel()
        await task.value
        #expect(store.subscriberCount == 0)
    }
}
