// SPDX-License-Identifier: Apache-2.0

import Testing

/// JsonLogic queries (diegoholiveira/jsonlogic as GOFF runs it): a rule matches unless its result serialises
/// to `false`, `null`, `""`, `0` or `[]`, or the evaluation fails. Expected values checked against GOFF.
struct JSONLogicQueryTests {
    static let context = #"""
        {"targetingKey":"user-1","country":"FR","age":30,"score":9.5,"tags":["beta","vip"],
         "email":"jane@example.com","company":{"name":"GOFF"},"zero":0}
        """#

    static let cases: [(String, Bool)] = [
        (#"{"==":[{"var":"country"},"FR"]}"#, true), (#"{"==":[{"var":"age"},"30"]}"#, true),
        (#"{"===":[{"var":"age"},"30"]}"#, false), (#"{"!=":[{"var":"country"},"DE"]}"#, true),
        (#"{"!==":[{"var":"age"},30]}"#, false), (#"{"<":[{"var":"age"},40]}"#, true),
        (#"{"<":[18,{"var":"age"},40]}"#, true), (#"{"<=":[30,{"var":"age"}]}"#, true),
        (#"{">":[{"var":"score"},9]}"#, true), (#"{">=":[{"var":"age"},31]}"#, false),
        (#"{"and":[true,{"var":"country"}]}"#, true), (#"{"and":[{"var":"zero"},true]}"#, false),
        (#"{"or":[false,{"var":"missing"}]}"#, false), (#"{"or":[false,"x"]}"#, true),
        (#"{"!":{"var":"missing"}}"#, true), (#"{"!!":[{"var":"tags"}]}"#, true), (#"{"!!":[[]]}"#, false),
        (#"{"in":[{"var":"country"},["FR","DE"]]}"#, true), (#"{"in":["@example",{"var":"email"}]}"#, true),
        (#"{"in":[{"var":"age"},[18,30]]}"#, true),
        (#"{"if":[{">":[{"var":"age"},18]},"adult","minor"]}"#, true), (#"{"if":[false,"x",""]}"#, false),
        (#"{"+":[{"var":"age"},-30]}"#, false), (#"{"-":[{"var":"age"},29]}"#, true),
        (#"{"*":[2,{"var":"score"}]}"#, true), (#"{"/":[{"var":"age"},0]}"#, false),
        (#"{"%":[{"var":"age"},7]}"#, true), (#"{"%":[{"var":"age"},5]}"#, false),
        (#"{"min":[{"var":"age"},0]}"#, false), (#"{"max":[1,2]}"#, true),
        (#"{"cat":["a",{"var":"country"}]}"#, true), (#"{"==":[{"cat":["x",{"var":"country"}]},"xFR"]}"#, true),
        (#"{"==":[{"substr":[{"var":"email"},0,4]},"jane"]}"#, true),
        (#"{"==":[{"substr":[{"var":"email"},-3]},"com"]}"#, true),
        (#"{"missing":["email","nope"]}"#, true), (#"{"missing":["email"]}"#, false),
        (#"{"missing_some":[1,["email","nope"]]}"#, false), (#"{"missing_some":[2,["email","nope"]]}"#, true),
        (#"{"some":[{"var":"tags"},{"==":[{"var":""},"vip"]}]}"#, true),
        (#"{"all":[{"var":"tags"},{"==":[{"var":""},"vip"]}]}"#, false),
        (#"{"none":[{"var":"tags"},{"==":[{"var":""},"x"]}]}"#, true),
        (#"{"merge":[[1],[2]]}"#, true), (#"{"merge":[]}"#, false),
        (#"{"var":"company.name"}"#, true), (#"{"var":"tags.1"}"#, true), (#"{"var":["nope","dflt"]}"#, true),
        (#"{"var":"nope"}"#, false), (#"{"-":[0]}"#, true), (#"{"unknown_op":[1]}"#, false), ("{}", true),
        (#"{"a":1,"b":2}"#, true), (#"{"contains_any":[{"var":"tags"},["vip","x"]]}"#, true),
        (#"{"abs":[-2]}"#, true), (#"{"filter":[{"var":"tags"},{"==":[{"var":""},"x"]}]}"#, false),
        (#"{"reduce":[[1,2,3],{"+":[{"var":"current"},{"var":"accumulator"}]},0]}"#, true),
        (#"{"==":[{"var":"key"},"user-1"]}"#, true), (#"{"==":[{"var":"anonymous"},false]}"#, true),
    ]

    @Test(arguments: cases)
    func operatorKnownAnswer(rule: String, expected: Bool) throws {
        #expect(try TestSupport.matches(rule, Self.context) == expected, "\(rule)")
    }

    @Test func prettyPrintedRulesAreStillJsonLogic() throws {
        let rule = "{\n  \"==\": [\n    {\"var\": \"country\"},\n    \"FR\"\n  ]\n}"
        #expect(try TestSupport.matches(rule, Self.context))
    }
}
