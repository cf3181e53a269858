// SPDX-License-Identifier: Apache-2.0

import Events
import Testing

/// The real request bodies of the Python OpenFeature provider (shared/tools/sdk-captures), byte for byte
/// (compact JSON: their Content-Length is 489 and 880), and the Kinesis records GOFF would write for them.
@Suite struct CollectorSDKCaptureTests {
    static let meta = #"{"meta":{"app":"capture_client","build":7,"provider":"python","openfeature":true},"#
    static let metadata = #""metadata":{"app":"capture_client","build":7,"openfeature":true,"provider":"python"}}"#

    static let maxPendingFlushBody =
        meta
        + #""events":[{"kind":"feature","contextKind":"user","userKey":"user-1","creationDate":1795638562,"#
        + #""key":"email-domain-flag","variation":"enabled","value":true,"default":false,"version":null,"#
        + #""source":"INPROCESS"},{"kind":"feature","contextKind":"anonymousUser","userKey":"user-42","#
        + #""creationDate":1795638562,"key":"split-flag","variation":"red","value":"red","default":false,"#
        + #""version":null,"source":"INPROCESS"}]}"#

    static let periodicFlushBody =
        meta
        + #""events":[{"kind":"feature","contextKind":"user","userKey":"user-1","creationDate":1795638558,"#
        + #""key":"email-domain-flag","variation":"enabled","value":true,"default":false,"version":null,"#
        + #""source":"INPROCESS"},{"kind":"feature","contextKind":"anonymousUser","userKey":"user-42","#
        + #""creationDate":1795638558,"key":"split-flag","variation":"red","value":"red","default":false,"#
        + #""version":null,"source":"INPROCESS"},{"kind":"feature","contextKind":"user","userKey":"user-7","#
        + #""creationDate":1795638558,"key":"nested-query-flag","variation":"gold","value":100,"default":false,"#
        + #""version":null,"source":"INPROCESS"},{"kind":"feature","contextKind":"user","userKey":"user-1","#
        + #""creationDate":1795638558,"key":"does-not-exist","variation":"SdkDefault","value":true,"default":true,"#
        + #""version":null,"source":"INPROCESS"}]}"#

    @Test func bodiesAreTheCapturedSize() {
        #expect(Self.maxPendingFlushBody.utf8.count == 489)
        #expect(Self.periodicFlushBody.utf8.count == 880)
    }

    @Test func maxPendingFlush() throws {
        let batch = try CollectorRequestParser.parse(utf8(Self.maxPendingFlushBody))
        #expect(batch.receivedCount == 2)
        #expect(batch.skipped.isEmpty)
        #expect(
            records(batch) == [
                #"{"kind":"feature","contextKind":"user","userKey":"user-1","creationDate":1795638562,"#
                    + #""key":"email-domain-flag","variation":"enabled","value":true,"default":false,"version":"","#
                    + #""source":"INPROCESS","# + Self.metadata,
                #"{"kind":"feature","contextKind":"anonymousUser","userKey":"user-42","creationDate":1795638562,"#
                    + #""key":"split-flag","variation":"red","value":"red","default":false,"version":"","#
                    + #""source":"INPROCESS","# + Self.metadata,
            ])
    }

    @Test func periodicFlush() throws {
        let batch = try CollectorRequestParser.parse(utf8(Self.periodicFlushBody))
        #expect(batch.receivedCount == 4)
        #expect(batch.ingestedContentCount == 4)
        #expect(batch.skipped.isEmpty)
        #expect(
            records(batch) == [
                #"{"kind":"feature","contextKind":"user","userKey":"user-1","creationDate":1795638558,"#
                    + #""key":"email-domain-flag","variation":"enabled","value":true,"default":false,"version":"","#
                    + #""source":"INPROCESS","# + Self.metadata,
                #"{"kind":"feature","contextKind":"anonymousUser","userKey":"user-42","creationDate":1795638558,"#
                    + #""key":"split-flag","variation":"red","value":"red","default":false,"version":"","#
                    + #""source":"INPROCESS","# + Self.metadata,
                #"{"kind":"feature","contextKind":"user","userKey":"user-7","creationDate":1795638558,"#
                    + #""key":"nested-query-flag","variation":"gold","value":100,"default":false,"version":"","#
                    + #""source":"INPROCESS","# + Self.metadata,
                #"{"kind":"feature","contextKind":"user","userKey":"user-1","creationDate":1795638558,"#
                    + #""key":"does-not-exist","variation":"SdkDefault","value":true,"default":true,"version":"","#
                    + #""source":"INPROCESS","# + Self.metadata,
            ])
        #expect(batch.events.map(\.key) == ["email-domain-flag", "split-flag", "nested-query-flag", "does-not-exist"])
    }

    @Test func prettyPrintedPythonSeparatorsParseTheSame() throws {
        let spaced = Self.periodicFlushBody.replacing("\":", with: "\": ")
        #expect(
            try CollectorRequestParser.parse(utf8(spaced)) == CollectorRequestParser.parse(utf8(Self.periodicFlushBody))
        )
    }
}
