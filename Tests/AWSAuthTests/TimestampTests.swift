// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import AWSAuth

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2019-11-01T20:26:47Z", 1_572_640_007.0),
        ("2019-11-01T20:26:47.000Z", 1_572_640_007.0),
        ("2019-11-01T20:26:47.5Z", 1_572_640_007.5),
        ("2019-11-01T22:26:47+02:00", 1_572_640_007.0),
        ("2019-11-01T19:26:47-0100", 1_572_640_007.0),
        ("2019-11-01t20:26:47z", 1_572_640_007.0),
        ("2000-02-29T23:59:59Z", 951_868_799.0),
        ("2069-06-01T00:00:00Z", 3_137_270_400.0),
    ])
    func parsesISO8601(text: String, seconds: Double) {
        #expect(ISO8601Timestamp.parse(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: [
        "", "2019-11-01", "2019-11-01T20:26:47", "2019-13-01T00:00:00Z", "2019-02-29T00:00:00Z",
        "2019-11-01T20:26Z", "2019-11-01T20:26:47+25:00", "19-11-01T20:26:47Z", "2019-11-01T20:26:47.Z",
    ])
    func rejectsOtherText(text: String) {
        #expect(ISO8601Timestamp.parse(text) == nil)
    }
}
