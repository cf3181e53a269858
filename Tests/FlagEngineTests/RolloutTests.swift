// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine
import Testing

/// Time-based behaviour with an injected clock (known answers from GOFF's engine).
struct RolloutTests {
    static func at(_ rfc3339: String) throws -> Timestamp {
        try #require(Timestamp(rfc3339: rfc3339))
    }

    static let progressive = #"""
        {"variations":{"old":"OLD","new":"NEW"},"defaultRule":{"progressiveRollout":{
          "initial":{"variation":"old","percentage":0,"date":"2026-01-01T00:00:00Z"},
          "end":{"variation":"new","percentage":100,"date":"2026-01-11T00:00:00Z"}}}}
        """#

    func progressiveVariants(now: Timestamp) throws -> [String] {
        try (1...6).map { i in
            try TestSupport.evaluate(
                Self.progressive, key: "rollout", context: #"{"targetingKey":"user-\#(i)"}"#, now: now
            ).variationType
        }
    }

    @Test func progressiveRolloutRampsWithTheInjectedClock() throws {
        #expect(try progressiveVariants(now: Self.at("2025-12-31T23:59:59Z")) == Array(repeating: "old", count: 6))
        #expect(
            try progressiveVariants(now: Self.at("2026-01-06T00:00:00Z")) == ["new", "old", "old", "new", "old", "new"])
        #expect(try progressiveVariants(now: Self.at("2026-01-11T00:00:00Z")) == Array(repeating: "new", count: 6))
        let r = try TestSupport.evaluate(Self.progressive, key: "rollout", now: Self.at("2026-01-06T00:00:00Z"))
        #expect(r.reason == .split)
        #expect(!r.cacheable)
    }

    @Test func progressiveRolloutHalfwayServesHalf() throws {
        var counts: [String: Int] = [:]
        let now = try Self.at("2026-01-06T00:00:00Z")
        for i in 0..<2000 {
            let r = try TestSupport.evaluate(
                Self.progressive, key: "rollout", context: #"{"targetingKey":"user-\#(i)"}"#, now: now)
            counts[r.variationType, default: 0] += 1
        }
        #expect(counts == ["old": 1000, "new": 1000])
    }

    @Test func contextDateOverridesTheClock() throws {
        let context = #"{"targetingKey":"user-1","gofeatureflag":{"currentDateTime":"2026-01-11T00:00:00Z"}}"#
        let r = try TestSupport.evaluate(
            Self.progressive, key: "rollout", context: context, now: Self.at("2020-01-01T00:00:00Z"))
        #expect(r.variationType == "new")
    }

    @Test func progressiveRolloutWithoutDatesIsAConfigurationError() throws {
        let flag =
            #"{"variations":{"a":"A","b":"B"},"defaultRule":{"progressiveRollout":{"initial":{"variation":"a"},"end":{"variation":"b"}}}}"#
        let r = try TestSupport.evaluate(flag)
        #expect(r.errorCode == .flagConfiguration)
        #expect(r.errorDetails == "error in the progressive rollout, missing params")
    }

    static let scheduled = #"""
        {"variations":{"a":"A","b":"B","c":"C"},"version":"1",
         "targeting":[{"name":"vip","query":"plan eq \"vip\"","variation":"a"}],"defaultRule":{"variation":"b"},
         "scheduledRollout":[
           {"date":"2026-02-01T00:00:00Z","defaultRule":{"variation":"c"},"version":"2"},
           {"date":"2026-03-01T00:00:00Z","targeting":[{"name":"vip","variation":"c"},
             {"name":"new","query":"plan eq \"free\"","percentage":{"a":50,"b":50}}]}]}
        """#

    func scheduledVariants(_ date: String) throws -> [String] {
        try ["vip", "free", "pro"].map { plan in
            try TestSupport.evaluate(
                Self.scheduled, key: "sched", context: #"{"targetingKey":"user-7","plan":"\#(plan)"}"#,
                now: Self.at(date)
            ).variationType
        }
    }

    @Test func scheduledStepsApplyFromTheirDate() throws {
        #expect(try scheduledVariants("2026-01-15T00:00:00Z") == ["a", "b", "b"])
        #expect(try scheduledVariants("2026-02-15T00:00:00Z") == ["a", "c", "c"])
        #expect(try scheduledVariants("2026-03-15T00:00:00Z") == ["c", "a", "c"])
        let r = try TestSupport.evaluate(Self.scheduled, key: "sched", now: Self.at("2026-02-15T00:00:00Z"))
        #expect(r.version == "1")  // results carry the declared version
        #expect(!r.cacheable)
    }

    @Test func negativeScheduledPercentageRemovesAVariation() throws {
        let flag = #"""
            {"variations":{"a":"A","b":"B","c":"C"},"defaultRule":{"percentage":{"b":50,"c":50}},
             "scheduledRollout":[{"date":"2026-01-01T00:00:00Z","defaultRule":{"percentage":{"b":-1}}}]}
            """#
        let r = try TestSupport.evaluate(flag, key: "pct", now: Self.at("2026-02-01T00:00:00Z"))
        #expect(r.variationType == "c")
        #expect(r.reason == .split)
    }

    @Test func experimentationWindowIsInclusive() throws {
        let flag = #"""
            {"variations":{"on":true,"off":false},"defaultRule":{"variation":"on"},
             "experimentation":{"start":"2026-01-10T00:00:00Z","end":"2026-01-20T00:00:00Z"}}
            """#
        let expected: [(String, EvaluationReason)] = [
            ("2026-01-09T23:59:59Z", .disabled), ("2026-01-10T00:00:00Z", .staticValue),
            ("2026-01-20T00:00:00Z", .staticValue), ("2026-01-20T00:00:01Z", .disabled),
        ]
        for (date, reason) in expected {
            let r = try TestSupport.evaluate(flag, key: "exp", defaultValue: false, now: Self.at(date))
            #expect(r.reason == reason, "\(date)")
            #expect(!r.cacheable)
        }
    }

    @Test func rfc3339ParsingFollowsGo() throws {
        #expect(Timestamp(rfc3339: "2026-01-01T00:00:00Z") == Timestamp(unixSeconds: 1_767_225_600))
        #expect(Timestamp(rfc3339: "2026-01-01T02:00:00+02:00") == Timestamp(unixSeconds: 1_767_225_600))
        #expect(
            Timestamp(rfc3339: "2026-01-01T00:00:00.5Z")
                == Timestamp(unixSeconds: 1_767_225_600, nanoseconds: 500_000_000))
        #expect(Timestamp(rfc3339: "2026-02-30T00:00:00Z") == nil)
        #expect(Timestamp(rfc3339: "2026-01-01 00:00:00Z") == nil)
    }
}
