// SPDX-License-Identifier: Apache-2.0

import Events
import FlagRetrieval
import Logging
import RelayServer
import Testing

@Suite struct EngineFlagNormalizerTests {
    @Test func validFlagsKeepTheirJSONAndInvalidOnesAreDropped() throws {
        let normalizer = EngineFlagNormalizer()
        let valid = try JSONParser.parse(#"{"variations":{"a":true},"defaultRule":{"variation":"a"}}"#)
        #expect(
            try normalizer.normalize(key: "ok", flag: valid)
                == .valid(json: Array(#"{"variations":{"a":true},"defaultRule":{"variation":"a"}}"#.utf8)))
        let noDefault = try JSONParser.parse(#"{"variations":{"a":true}}"#)
        #expect(try normalizer.normalize(key: "bad", flag: noDefault) == .invalid(reason: "missing default rule"))
        let wrongType = try JSONParser.parse(#"{"variations":"nope","defaultRule":{"variation":"a"}}"#)
        guard case .invalid = try normalizer.normalize(key: "typed", flag: wrongType) else {
            Issue.record("a flag the engine cannot parse must be invalid")
            return
        }
        #expect(try normalizer.normalize(key: "null", flag: .null) == .invalid(reason: "the flag is empty"))
    }

    @Test func storeKeepsOnlyValidFlags() throws {
        let normalizer = EngineFlagNormalizer()
        let store = FlagStore(normalizer: normalizer, logger: Logger(label: "test"))
        let flags = try JSONParser.parse(
            #"{"ok":{"variations":{"a":1},"defaultRule":{"variation":"a"}},"bad":{"variations":{}}}"#)
        guard case .object(let object) = flags else { throw CancellationError() }
        try store.install(FlagSet(object.members.map { ($0.key, $0.value) }))
        #expect(store.flags.keys == ["ok"])
    }
}
