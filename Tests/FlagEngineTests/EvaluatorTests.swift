// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine
import Testing

/// Reasons, errors, metadata and context handling of ``FlagEvaluator`` (known answers from GOFF's engine).
struct EvaluatorTests {
    static let split =
        #"{"variations":{"red":"red","green":"green","blue":"blue"},"defaultRule":{"percentage":{"red":33,"green":33,"blue":34}}}"#

    @Test func percentageSplitMatchesGOFF() throws {
        for (key, variant) in [("user-1", "blue"), ("user-2", "green"), ("user-42", "red")] {
            let r = try TestSupport.evaluate(Self.split, key: "split-flag", context: #"{"targetingKey":"\#(key)"}"#)
            #expect(r.variationType == variant)
            #expect(r.value == .string(variant))
            #expect(r.reason == .split)
            #expect(r.cacheable)
        }
    }

    @Test func percentageSplitDistributionMatchesGOFF() throws {
        var counts: [String: Int] = [:]
        for i in 1...5000 {
            let r = try TestSupport.evaluate(Self.split, key: "split-flag", context: #"{"targetingKey":"user-\#(i)"}"#)
            counts[r.variationType, default: 0] += 1
        }
        #expect(counts == ["red": 1639, "green": 1667, "blue": 1694])
    }

    @Test func reasonsFollowTheRuleKinds() throws {
        let flag = #"""
            {"variations":{"gold":100,"silver":50,"none":0},
             "targeting":[{"name":"eu","query":"country eq \"FR\"","variation":"gold"},
                          {"name":"plan","query":"plan in [\"pro\"]","percentage":{"silver":50,"none":50}}],
             "defaultRule":{"variation":"none"}}
            """#
        let match = try TestSupport.evaluate(flag, context: #"{"targetingKey":"u1","country":"FR"}"#)
        #expect(match.reason == .targetingMatch)
        #expect(match.value == 100)
        #expect(match.metadata == ["evaluatedRuleName": "eu"])
        let split = try TestSupport.evaluate(
            flag, key: "nested-query-flag", context: #"{"targetingKey":"u2","plan":"pro"}"#)
        #expect(split.reason == .targetingMatchSplit)
        #expect(split.variationType == "none")
        let fallback = try TestSupport.evaluate(flag, context: #"{"targetingKey":"u3","country":"US"}"#)
        #expect(fallback.reason == .defaultRule)
        #expect(fallback.metadata == nil)
        let noRules = try TestSupport.evaluate(#"{"variations":{"a":"A"},"defaultRule":{"variation":"a"}}"#)
        #expect(noRules.reason == .staticValue)
        let hundred = try TestSupport.evaluate(
            #"{"variations":{"a":"A","b":"B"},"defaultRule":{"percentage":{"a":100,"b":0}}}"#)
        #expect(hundred.reason == .staticValue)
        #expect(hundred.variationType == "a")
    }

    @Test func disabledServesTheSDKDefault() throws {
        let r = try TestSupport.evaluate(
            #"{"variations":{"on":true},"defaultRule":{"variation":"on"},"disable":true}"#, defaultValue: false)
        #expect(r.reason == .disabled)
        #expect(r.variationType == "SdkDefault")
        #expect(r.value == false)
        #expect(r.errorCode == nil)
        #expect(!r.failed)
        #expect(r.cacheable)
    }

    @Test func targetingKeyIsOnlyRequiredForBucketing() throws {
        let missing = try TestSupport.evaluate(Self.split, context: #"{"email":"x@y.z"}"#, defaultValue: "none")
        #expect(missing.reason == .error)
        #expect(missing.errorCode == .targetingKeyMissing)
        #expect(missing.errorDetails == "Error: Empty targeting key")
        #expect(missing.value == "none")
        #expect(missing.failed)
        #expect(!missing.cacheable)
        let fine = try TestSupport.evaluate(#"{"variations":{"a":"A"},"defaultRule":{"variation":"a"}}"#, context: "{}")
        #expect(fine.variationType == "a")
    }

    @Test func bucketingKeyIsADotPathIntoTheContext() throws {
        let flag =
            #"{"variations":{"a":"A","b":"B"},"defaultRule":{"percentage":{"a":50,"b":50}},"bucketingKey":"company.id"}"#
        let ok = try TestSupport.evaluate(flag, context: #"{"company":{"id":"c-1"}}"#)
        #expect(ok.reason == .split)
        let missing = try TestSupport.evaluate(flag, context: #"{"targetingKey":"u"}"#)
        #expect(missing.errorCode == .targetingKeyMissing)
        #expect(missing.errorDetails == "impossible to find bucketingKey in context: nested key not found: company.id")
        let wrongType = try TestSupport.evaluate(flag, context: #"{"company":{"id":7}}"#)
        #expect(wrongType.errorDetails == "invalid bucketing key")
        let empty = try TestSupport.evaluate(flag, context: #"{"company":{"id":""}}"#)
        #expect(empty.errorDetails == "Error: Empty bucketing key")
    }

    @Test func configurationErrorsAreFlagConfig() throws {
        let noDefault = try TestSupport.evaluate(#"{"variations":{"a":"A"}}"#)
        #expect(noDefault.errorCode == .flagConfiguration)
        #expect(noDefault.errorDetails == "no default targeting for the flag")
        let noServe = try TestSupport.evaluate(#"{"variations":{"a":"A"},"defaultRule":{}}"#)
        #expect(noServe.errorDetails == "error in the configuration, no variation available for this rule")
        let zero = try TestSupport.evaluate(#"{"variations":{"a":"A"},"defaultRule":{"percentage":{"a":0}}}"#)
        #expect(zero.errorDetails == "impossible to find the variation")
        let unknown = try TestSupport.evaluate(#"{"variations":{"a":"A"},"defaultRule":{"variation":"zz"}}"#)
        #expect(unknown.variationType == "zz")
        #expect(unknown.value == .null)
    }

    @Test func enrichmentOverridesTheContext() throws {
        let flag =
            #"{"variations":{"a":"A","b":"B"},"targeting":[{"query":"env eq \"prod\"","variation":"a"}],"defaultRule":{"variation":"b"}}"#
        let r = try TestSupport.evaluate(
            flag, context: #"{"targetingKey":"u","env":"dev"}"#, enrichment: #"{"env":"prod"}"#)
        #expect(r.variationType == "a")
    }

    @Test func declaredFieldsArePassedThrough() throws {
        let flag = #"""
            {"version":"1.2","trackEvents":false,"metadata":{"description":"d","issue":"GOFF-1"},
             "variations":{"cfg":{"theme":"dark","limits":[1,2,3]}},"defaultRule":{"variation":"cfg"}}
            """#
        let r = try TestSupport.evaluate(flag)
        #expect(r.version == "1.2")
        #expect(!r.trackEvents)
        #expect(r.metadata == ["description": "d", "issue": "GOFF-1"])
        #expect(r.value == ["theme": "dark", "limits": [1, 2, 3]])
        #expect(r.json["errorCode"] == "")
        #expect(r.json["errorDetails"] == nil)
    }

    @Test func wrongJSONTypesDoNotParse() throws {
        #expect(throws: FlagParseError.self) {
            try Flag(json: try TestSupport.json(#"{"variations":{"t":true},"defaultRule":{"variation":true}}"#))
        }
        #expect(throws: FlagParseError.self) { try Flag(json: try TestSupport.json(#"{"variations":[1]}"#)) }
        // Go matches field names case-insensitively.
        let folded = try Flag(json: try TestSupport.json(#"{"Variations":{"a":"A"},"DEFAULTRULE":{"variation":"a"}}"#))
        #expect(folded.fields.defaultRule?.variation == "a")
    }
}
