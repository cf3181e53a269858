// SPDX-License-Identifier: Apache-2.0

/// The `CanonicalHeaders` block and the `SignedHeaders` list of a SigV4 canonical request.
struct CanonicalHeaders: Sendable, Equatable {
    /// Header names that are never signed: `authorization` is the signature itself, and the
    /// others are added, changed or dropped by HTTP clients and proxies after signing
    /// (`content-length` by libcurl, `expect` above 1 MiB, `transfer-encoding` when chunking,
    /// `user-agent`, and `x-amzn-trace-id` by tracing layers; botocore skips the last four too).
    static let unsigned: Set<String> = [
        "authorization", "content-length", "expect", "transfer-encoding", "user-agent", "x-amzn-trace-id",
    ]

    /// One `name:value\n` line per signed header, sorted by name.
    let block: String
    /// The lowercase names joined with `;`, sorted, for example `host;x-amz-date`.
    let signedHeaders: String

    /// Canonicalizes headers: names are trimmed and lowercased; values are trimmed and every inner
    /// run of whitespace (spaces, tabs, line breaks) becomes one space, quoted text included;
    /// repeated names are joined with `,` in the order given; names sort bytewise.
    /// Names in ``unsigned`` are left out.
    init(_ headers: [(name: String, value: String)]) {
        var values: [String: [String]] = [:]
        for header in headers {
            let name = Self.normalizedName(header.name)
            guard !name.isEmpty, !Self.unsigned.contains(name) else { continue }
            values[name, default: []].append(Self.normalizedValue(header.value))
        }
        let names = values.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var block = ""
        for name in names {
            block += name + ":" + (values[name] ?? []).joined(separator: ",") + "\n"
        }
        self.block = block
        self.signedHeaders = names.joined(separator: ";")
    }

    /// A header name as SigV4 lists it: trimmed and lowercased.
    static func normalizedName(_ name: String) -> String {
        String(decoding: trimmedCollapsed(Array(name.utf8)), as: UTF8.self).lowercased()
    }

    /// A header value with surrounding whitespace trimmed and inner whitespace runs collapsed.
    static func normalizedValue(_ value: String) -> String {
        String(decoding: trimmedCollapsed(Array(value.utf8)), as: UTF8.self)
    }

    private static func trimmedCollapsed(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if isWhitespace(byte) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace {
                    result.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                result.append(byte)
            }
        }
        return result
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r") || byte == 0x0B || byte == 0x0C
    }
}
