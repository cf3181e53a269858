// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import FlagRetrieval

@Suite("Hashes and dates")
struct SupportTests {
    @Test(
        "SHA-1 known answers (FIPS 180 examples)",
        arguments: [
            ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
            ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
            ),
        ])
    func sha1(input: String, digest: String) {
        #expect(SHA1.hexDigest(Array(input.utf8)) == digest)
    }

    @Test("SHA-1 of a million 'a' fed in uneven pieces")
    func sha1Streaming() {
        var hasher = SHA1()
        var remaining = 1_000_000
        var size = 1
        while remaining > 0 {
            let piece = min(size, remaining)
            hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: piece))
            remaining -= piece
            size = size * 3 % 1000 + 1
        }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        #expect(digest == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test("FNV-1a 32 known answers")
    func fnv() {
        #expect(FNV1a.hash32([UInt8]()) == 0x811C_9DC5)
        #expect(FNV1a.hash32(Array("a".utf8)) == 0xE40C_292C)
    }

    @Test(
        "HTTP dates are IMF-fixdates in GMT",
        arguments: [
            (0.0, "Thu, 01 Jan 1970 00:00:00 GMT"),
            (951_782_400.0, "Tue, 29 Feb 2000 00:00:00 GMT"),
            (1_786_842_691.75, "Sun, 16 Aug 2026 01:11:31 GMT"),
            (-31_536_000.0, "Wed, 01 Jan 1969 00:00:00 GMT"),
        ])
    func httpDate(seconds: Double, expected: String) {
        #expect(HTTPDate.format(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("URL passwords are redacted, everything else kept")
    func redaction() {
        #expect(URLRedaction.redacted("https://u:p@host/a?b=c") == "https://u:***@host/a?b=c")
        #expect(URLRedaction.redacted("https://u@host/a") == "https://u@host/a")
        #expect(URLRedaction.redacted("https://host/a@b:c") == "https://host/a@b:c")
    }
}
