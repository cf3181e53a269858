// SPDX-License-Identifier: Apache-2.0

/// Everything SigV4 computed for one request, stage by stage.
///
/// Use ``headers`` to sign a request. The intermediate values are there for tests and diagnosis:
/// when AWS answers `InvalidSignatureException`, its message quotes the canonical request and
/// string to sign it expected, to compare with ``canonicalRequest`` and ``stringToSign``.
///
/// - Important: ``canonicalRequest`` contains the session token when the credentials have one;
///   do not log it verbatim. `description` shows only non-secret fields.
public struct SigV4Signature: Sendable, Equatable, CustomStringConvertible {
    /// The signing time, `YYYYMMDD'T'HHMMSS'Z'` (UTC): the `X-Amz-Date` header value.
    public let amzDate: String
    /// `{yyyymmdd}/{region}/{service}/aws4_request`.
    public let credentialScope: String
    /// Lowercase hex SHA-256 of the body, the last line of the canonical request.
    public let payloadHash: String
    /// Stage 1: the canonical request.
    public let canonicalRequest: String
    /// Lowercase hex SHA-256 of ``canonicalRequest``.
    public let canonicalRequestHash: String
    /// The signed header names, lowercase, sorted, joined with `;`.
    public let signedHeaders: String
    /// Stage 2: the string to sign.
    public let stringToSign: String
    /// Stage 3: lowercase hex HMAC-SHA256 of ``stringToSign`` under the derived signing key.
    public let signature: String
    /// The `Authorization` header value.
    public let authorization: String
    /// The session token that was signed, if any.
    let sessionToken: String?

    /// The headers to add to the request, in this order: `X-Amz-Date`, `X-Amz-Security-Token`
    /// (only with temporary credentials), `Authorization`.
    public var headers: [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [("X-Amz-Date", amzDate)]
        if let sessionToken {
            headers.append(("X-Amz-Security-Token", sessionToken))
        }
        headers.append(("Authorization", authorization))
        return headers
    }

    /// For example `SigV4Signature(20150830T123600Z, 20150830/us-east-1/kinesis/aws4_request,
    /// signedHeaders: host;x-amz-date, signature: 5da7…)`, without the token or the canonical request.
    public var description: String {
        "SigV4Signature(\(amzDate), \(credentialScope), signedHeaders: \(signedHeaders), signature: \(signature))"
    }
}
