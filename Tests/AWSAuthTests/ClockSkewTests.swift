// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Testing

@Suite struct ClockSkewTests {
    static let local = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    @Test(arguments: [
        ("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777.0),  // RFC 9110's example, IMF-fixdate
        ("Sunday, 06-Nov-94 08:49:37 GMT", 784_111_777.0),  // RFC 850
        ("Sun Nov  6 08:49:37 1994", 784_111_777.0),  // asctime
        ("Tue, 29 Feb 2000 23:59:59 GMT", 951_868_799.0),  // leap day
        ("Thu, 01 Jan 2026 00:00:00 GMT", 1_767_225_600.0),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0),
    ])
    func parsesHTTPDates(text: String, seconds: Double) {
        #expect(HTTPDate.parse(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: [
        "", "yesterday", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 31 Nov 1994 08:49:37 GMT",
        "Sun, 29 Feb 2001 08:49:37 GMT", "Sun, 06 Nox 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 94 08:49:37 GMT", "Sun, 06 Nov 1994 8:49:37 GMT", "1994-11-06T08:49:37Z",
    ])
    func rejectsOtherText(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test func serverAheadByTenMinutesIsApplied() {
        let skew = ClockSkew(localClock: { Self.local })
        skew.observe(serverDate: Self.local.addingTimeInterval(600), localNow: Self.local)
        #expect(skew.offset == 600)
        #expect(skew.now() == Self.local.addingTimeInterval(600))
    }

    @Test func serverBehindIsAppliedToo() {
        let skew = ClockSkew(localClock: { Self.local })
        #expect(skew.observe(dateHeader: "Wed, 31 Dec 2025 23:50:00 GMT", localNow: Self.local))
        #expect(skew.offset == -600)
        #expect(skew.now() == Date(timeIntervalSince1970: 1_767_225_000))
    }

    @Test func smallOffsetsAreIgnoredAndResetAFormerOffset() {
        let skew = ClockSkew()
        skew.observe(serverDate: Self.local.addingTimeInterval(-900), localNow: Self.local)
        #expect(skew.offset == -900)
        // The local clock was fixed: the next response agrees within a second, so the correction goes away.
        skew.observe(serverDate: Self.local.addingTimeInterval(1), localNow: Self.local)
        #expect(skew.offset == 0)
        skew.observe(serverDate: Self.local.addingTimeInterval(60), localNow: Self.local)
        #expect(skew.offset == 0, "60 s is within the dead band")
        skew.observe(serverDate: Self.local.addingTimeInterval(61), localNow: Self.local)
        #expect(skew.offset == 61)
    }

    @Test func aSkewErrorAppliesEvenASmallOffset() {
        let skew = ClockSkew()
        skew.observe(serverDate: Self.local.addingTimeInterval(30), localNow: Self.local, skewError: true)
        #expect(skew.offset == 30)
    }

    @Test func unparsableOrMissingHeadersChangeNothing() {
        let skew = ClockSkew()
        skew.observe(serverDate: Self.local.addingTimeInterval(300), localNow: Self.local)
        #expect(!skew.observe(dateHeader: nil, localNow: Self.local))
        #expect(!skew.observe(dateHeader: "soon", localNow: Self.local))
        #expect(skew.offset == 300)
    }

    @Test func thresholdIsConfigurable() {
        let skew = ClockSkew(threshold: 5)
        skew.observe(serverDate: Self.local.addingTimeInterval(6), localNow: Self.local)
        #expect(skew.offset == 6)
    }

    @Test(
        arguments: [
            ("RequestTimeTooSkewed", nil, true),
            ("RequestExpired", "Request has expired.", true),
            ("RequestInTheFuture", nil, true),
            (
                "InvalidSignatureException",
                "Signature expired: 20260101T000000Z is now earlier than 20260101T001000Z (20260101T001500Z - 5 min.)",
                true
            ),
            ("InvalidSignatureException", "Signature not yet current: 20260101T002000Z is still later than …", true),
            ("InvalidSignatureException", "The request signature we calculated does not match the signature", false),
            ("SignatureDoesNotMatch", nil, false),
            ("ExpiredTokenException", "The security token included in the request is expired", false),
            ("ThrottlingException", "Rate exceeded", false),
        ] as [(String, String?, Bool)])
    func classifiesSkewErrors(code: String, message: String?, expected: Bool) {
        #expect(ClockSkew.isSkewError(code: code, message: message) == expected)
    }
}
