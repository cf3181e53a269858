// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine

/// The flag and the contexts `eval-bench` evaluates.
enum BenchFixture {
    /// The flag's key (part of the bucketing hash).
    static let flagKey = "new-checkout-flow"

    /// A typical GOFF flag with three targeting rules, one of them split, a split default rule, four
    /// variations, `trackEvents` and metadata, as the relay receives it (YAML converted to JSON).
    static let flagJSON = #"""
        {
          "variations": {
            "control": "classic",
            "blue": "blue-button",
            "green": "green-button",
            "premium": "one-click"
          },
          "targeting": [
            {
              "name": "qa-user",
              "query": "key eq \"user-00042\"",
              "variation": "premium"
            },
            {
              "name": "eu-example-staff",
              "query": "email ew \"@example.com\" and country in [\"fr\",\"de\"]",
              "percentage": { "blue": 40, "green": 60 }
            },
            {
              "name": "pro-plan",
              "query": "plan eq \"pro\"",
              "variation": "premium"
            }
          ],
          "defaultRule": {
            "percentage": { "control": 50, "blue": 25, "green": 25 }
          },
          "trackEvents": true,
          "version": "1.4.0",
          "metadata": { "description": "New checkout flow", "owner": "payments" }
        }
        """#

    /// Parses the flag once, as the relay does after a refresh.
    static func flag() throws -> Flag {
        try Flag(json: try JSONParser.parse(flagJSON))
    }

    /// `count` flat OFREP-style contexts: a targeting key plus five attributes. About 1 in 250 matches the
    /// first rule, one in nine the second, a quarter the third; the rest fall to the default rule.
    static func contexts(count: Int) -> [EvaluationContext] {
        let countries = ["fr", "de", "us", "gb", "es", "it", "nl"]
        let plans = ["free", "pro", "team", "free"]
        let domains = ["@example.com", "@gmail.com", "@corp.example.org", "@EXAMPLE.COM", "@mail.de"]
        var generator = SplitMix64(seed: 0x5EED_F1A6)
        var contexts: [EvaluationContext] = []
        contexts.reserveCapacity(count)
        for index in 0..<count {
            let userNumber = index % 250 == 0 ? 42 : Int(generator.next() % 1_000_000)
            let key = "user-" + pad(userNumber, width: 5)
            let random = generator.next()
            let country = countries[Int(random % UInt64(countries.count))]
            let plan = plans[Int((random >> 8) % UInt64(plans.count))]
            let domain = domains[Int((random >> 16) % UInt64(domains.count))]
            let attributes: JSONObject = [
                "targetingKey": .string(key),
                "email": .string("u\(userNumber)" + domain),
                "country": .string(country),
                "plan": .string(plan),
                "age": .number(Double(18 + Int((random >> 24) % 60))),
                "beta": .bool((random >> 40) & 1 == 1),
            ]
            contexts.append(EvaluationContext(flat: attributes))
        }
        return contexts
    }

    static func pad(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
