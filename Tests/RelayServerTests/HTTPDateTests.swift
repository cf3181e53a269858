// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RelayServer

@Suite struct HTTPDateTests {
    @Test(arguments: [
        (Int64(0), "Thu, 01 Jan 1970 00:00:00 GMT"),
        (1_764_116_696, "Wed, 26 Nov 2025 00:24:56 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (4_102_444_799, "Thu, 31 Dec 2099 23:59:59 GMT"),
    ])
    func formatsIMFFixdate(_ seconds: Int64, _ expected: String) {
        #expect(HTTPDate.format(epochSeconds: seconds) == expected)
    }
}
