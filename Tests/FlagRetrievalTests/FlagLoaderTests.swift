// SPDX-License-Identifier: Apache-2.0

import Events
import Testing

@testable import FlagRetrieval

@Suite("Loading several retrievers")
struct FlagLoaderTests {
    @Test("results merge in declaration order: a later retriever overrides a key defined earlier")
    func mergeOrder() async throws {
        let first = ScriptedRetriever(.bytes("shared:\n  version: first\nonly-first:\n  version: a\n"))
        let second = ScriptedRetriever(.bytes("shared:\n  version: second\nonly-second:\n  version: b\n"))
        let flags = try await FlagLoader(retrievers: [first, second]).load()
        #expect(flags["shared"] == ["version": "second"])
        #expect(flags.keys == ["shared", "only-first", "only-second"])
        let reversed = try await FlagLoader(retrievers: [second, first]).load()
        #expect(reversed["shared"] == ["version": "first"])
    }

    @Test("every retriever's file is decoded with the flag set's format")
    func format() async throws {
        let json = ScriptedRetriever(.bytes(#"{"a": {"version": "j"}}"#))
        let flags = try await FlagLoader(retrievers: [json], format: .json).load()
        #expect(flags["a"] == ["version": "j"])
        let asYAML = try await FlagLoader(retrievers: [json], format: .yaml).load()
        #expect(asYAML["a"] == ["version": "j"])
    }

    @Test("one failing retriever fails the whole load with its error")
    func oneFails() async throws {
        let good = ScriptedRetriever(.bytes("a:\n  version: x\n"))
        let bad = ScriptedRetriever(.failure("request to http://x failed with code 500"))
        let error = await retrievalError { try await FlagLoader(retrievers: [good, bad, good]).load() }
        #expect(error?.message == "request to http://x failed with code 500")
        let undecodable = ScriptedRetriever(.bytes("[1, 2]"))
        let decodeError = await retrievalError { try await FlagLoader(retrievers: [good, undecodable]).load() }
        #expect(decodeError?.code == .invalidFlagFile)
    }

    @Test("errors of other types are wrapped with their description")
    func foreignErrors() async {
        struct Odd: Error, CustomStringConvertible {
            var description: String { "odd failure" }
        }
        struct OddRetriever: FlagRetriever {
            func retrieve() async throws -> [UInt8] { throw Odd() }
        }
        let error = await retrievalError { try await FlagLoader(retrievers: [OddRetriever()]).load() }
        #expect(error?.code == .retrieverFailed)
        #expect(error?.message == "odd failure")
    }

    @Test("no retriever gives no flag")
    func none() async throws {
        #expect(try await FlagLoader(retrievers: []).load().isEmpty)
    }
}

@Suite("Polling schedule")
struct PollingScheduleTests {
    @Test(
        "GOFF's interval rules: 0 → 60 s, 1…999 → 1 s, negative → off",
        arguments: [
            (0, Duration.seconds(60)), (1, .seconds(1)), (999, .seconds(1)), (1000, .seconds(1)),
            (1500, .milliseconds(1500)), (60_000, .seconds(60)), (-1, nil), (-60_000, nil),
        ] as [(Int, Duration?)])
    func intervals(milliseconds: Int, expected: Duration?) {
        #expect(PollingSchedule.interval(milliseconds: milliseconds) == expected)
    }

    @Test("jitter stays within ±10 % and takes both signs")
    func jitter() {
        var generator = SplitMix(seed: 42)
        var below = false
        var above = false
        for _ in 0..<200 {
            let period = PollingSchedule.jittered(.seconds(10), using: &generator)
            #expect(period >= .seconds(9) && period <= .seconds(11))
            below = below || period < .seconds(10)
            above = above || period > .seconds(10)
        }
        #expect(below && above)
    }

    @Test("the period without jitter is the interval; disabled polling has no period")
    func period() {
        var generator = SplitMix(seed: 1)
        #expect(PollingSchedule.period(milliseconds: 0, jitter: false, using: &generator) == .seconds(60))
        #expect(PollingSchedule.period(milliseconds: -5, jitter: true, using: &generator) == nil)
    }
}

/// A deterministic random generator for the jitter tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
