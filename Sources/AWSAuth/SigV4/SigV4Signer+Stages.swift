// SPDX-License-Identifier: Apache-2.0
import Crypto

/// The signing stages, each a small function of the previous one's output.
extension SigV4Signer {
    /// Headers the signer replaces: whatever the caller passes under these names is dropped.
    static let replacedHeaders: Set<String> = ["x-amz-date", "x-amz-security-token", "authorization"]

    /// Stage 0: the caller's headers, plus `host` when missing, `x-amz-date` and the session token.
    func headersToSign(
        url: SigningURL,
        headers: [(name: String, value: String)],
        amzDate: AmzDate,
        token: String?
    ) -> [(name: String, value: String)] {
        var result = headers.filter { !Self.replacedHeaders.contains(CanonicalHeaders.normalizedName($0.name)) }
        let hasHost = result.contains { CanonicalHeaders.normalizedName($0.name) == "host" }
        if !hasHost, let host = url.hostHeader {
            result.append(("host", host))
        }
        result.append(("x-amz-date", amzDate.timestamp))
        if let token {
            result.append(("x-amz-security-token", token))
        }
        return result
    }

    /// Stage 1: the canonical request.
    func canonicalRequest(
        method: String,
        url: SigningURL,
        headers: [(name: String, value: String)],
        payloadHash: String
    ) -> SigV4CanonicalRequest {
        let canonicalHeaders = CanonicalHeaders(headers)
        let text = [
            method,
            CanonicalURI.path(url.path),
            CanonicalURI.query(url.query),
            canonicalHeaders.block,
            canonicalHeaders.signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        return SigV4CanonicalRequest(
            text: text, signedHeaders: canonicalHeaders.signedHeaders, payloadHash: payloadHash)
    }

    /// `{yyyymmdd}/{region}/{service}/aws4_request`.
    func credentialScope(_ date: AmzDate) -> String {
        "\(date.dateStamp)/\(region)/\(service)/aws4_request"
    }

    /// Stage 2: the string to sign.
    func stringToSign(canonicalRequestHash: String, date: AmzDate) -> String {
        "\(Self.algorithm)\n\(date.timestamp)\n\(credentialScope(date))\n\(canonicalRequestHash)"
    }

    /// Stage 3: the hex signature of the string to sign.
    func signature(stringToSign: String, date: AmzDate) -> String {
        let key = keyCache.key(for: date.dateStamp) { signingKey(dateStamp: $0) }
        return Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
    }

    /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    func signingKey(dateStamp: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [dateStamp, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return key
    }
}
