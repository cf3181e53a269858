// SPDX-License-Identifier: Apache-2.0
import Crypto

/// The first signing stage's output: the canonical request and what later stages reuse from it.
struct SigV4CanonicalRequest: Sendable, Equatable {
    /// The six lines joined with `\n`: method, URI, query, headers block, signed headers, payload hash.
    let text: String
    /// The signed header names, for example `content-type;host;x-amz-date;x-amz-target`.
    let signedHeaders: String
    /// Lowercase hex SHA-256 of the body.
    let payloadHash: String

    /// Lowercase hex SHA-256 of ``text``, the last line of the string to sign.
    var hash: String {
        Hex.encode(SHA256.hash(data: Array(text.utf8)))
    }
}
