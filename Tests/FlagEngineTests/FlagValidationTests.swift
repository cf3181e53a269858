// SPDX-License-Identifier: Apache-2.0

import FlagEngine
import Testing

/// GOFF's load-time validation (`InternalFlag.IsValid`), which decides which flags a retriever keeps.
struct FlagValidationTests {
    static let cases: [(String, String?)] = [
        (#"{"variations":{"a":"A"},"defaultRule":{"variation":"a"}}"#, nil),
        (#"{"defaultRule":{"variation":"a"}}"#, "no variation available"),
        (#"{"variations":{"a":null},"defaultRule":{"variation":"a"}}"#, "nil value for variation: a"),
        (
            #"{"variations":{"a":"A","b":1},"defaultRule":{"variation":"a"}}"#,
            "all variations should have the same type"
        ),
        (#"{"variations":{"a":"A"}}"#, "missing default rule"),
        (#"{"variations":{"a":"A"},"defaultRule":{}}"#, "impossible to return value"),
        (#"{"variations":{"a":"A"},"defaultRule":{"variation":"b"}}"#, "invalid variation: b does not exist"),
        (#"{"variations":{"a":"A"},"defaultRule":{"percentage":{}}}"#, "invalid percentages: should not be empty"),
        (
            #"{"variations":{"a":"A"},"defaultRule":{"percentage":{"b":10}}}"#,
            "invalid percentage: variation b does not exist"
        ),
        (
            #"{"variations":{"a":"A"},"defaultRule":{"percentage":{"a":0}}}"#,
            "invalid percentages: should not be equal to 0"
        ),
        (
            #"{"variations":{"a":"A"},"defaultRule":{"progressiveRollout":{"initial":{"variation":"a","percentage":50},"end":{"variation":"a","percentage":10}}}}"#,
            "invalid progressive rollout, initial percentage should be lower than end percentage: 50/10"
        ),
        (
            #"{"variations":{"a":"A"},"targeting":[{"variation":"a"}],"defaultRule":{"variation":"a"}}"#,
            "each targeting should have a query"
        ),
        (
            #"{"variations":{"a":"A"},"targeting":[{"query":"{\"nope\":[1]}","variation":"a"}],"defaultRule":{"variation":"a"}}"#,
            "invalid jsonlogic query"
        ),
        (
            #"{"variations":{"a":"A"},"targeting":[{"query":"email ew","variation":"a"}],"defaultRule":{"variation":"a"}}"#,
            "invalid query: email ew"
        ),
        (
            #"{"variations":{"a":"A"},"targeting":[{"query":"email ew","variation":"a","disable":true}],"defaultRule":{"variation":"a"}}"#,
            nil
        ),
        (
            #"{"variations":{"a":"A"},"targeting":[{"name":"r","query":"x eq 1","variation":"a"},{"name":"r","query":"x eq 2","variation":"a"}],"defaultRule":{"variation":"a"}}"#,
            "duplicated rule name: r"
        ),
    ]

    @Test(arguments: cases)
    func validationMessage(flag: String, expected: String?) throws {
        #expect(try Flag(json: TestSupport.json(flag)).validationError == expected)
    }
}
