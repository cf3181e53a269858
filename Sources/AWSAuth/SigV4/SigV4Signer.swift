// SPDX-License-Identifier: Apache-2.0
import Crypto
import Foundation

/// AWS Signature Version 4 for header-signed requests (`Authorization` header, no presigned URLs).
///
/// A value type holding immutable credentials, region and service; create one per credential set.
/// Sign every attempt again, with the current (skew-corrected) time:
/// ```swift
/// let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "kinesis")
/// let added = signer.signedHeaders(
///     method: "POST", url: "https://kinesis.us-east-1.amazonaws.com/",
///     headers: [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "Kinesis_20131202.PutRecords")],
///     body: body, date: Date())
/// ```
/// What is signed: every header passed in except `authorization`, `content-length`, `expect`,
/// `transfer-encoding`, `user-agent` and `x-amzn-trace-id`; `host` (taken from the URL unless
/// passed in); `x-amz-date`; and `x-amz-security-token` when the credentials have a session token.
/// The path is normalized (`.`, `..`, repeated slashes) and encoded once per segment, as for every
/// service but S3. The payload hash covers the exact body bytes. `X-Amz-Content-Sha256` is not added.
public struct SigV4Signer: Sendable {
    /// The algorithm name that opens the string to sign and the `Authorization` header.
    public static let algorithm = "AWS4-HMAC-SHA256"

    /// The credentials signed with.
    public let credentials: AWSCredentials
    /// The region of the credential scope, for example `us-east-1` (the client's region, whatever the host).
    public let region: String
    /// The signing name of the service, for example `kinesis`.
    public let service: String

    let keyCache = SigningKeyCache()

    /// Creates a signer.
    /// - Parameters:
    ///   - credentials: The credentials; a non-empty ``AWSCredentials/sessionToken`` is sent and signed.
    ///   - region: The signing region.
    ///   - service: The signing name.
    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Signs a request and returns the headers to add to it.
    ///
    /// - Parameters:
    ///   - method: The HTTP method, as sent (for example `POST`).
    ///   - url: The full request URL. The `Host` value is its host, plus `:port` unless the port is
    ///     the scheme's default (what libcurl sends), unless `headers` has a `Host` header.
    ///   - headers: The headers the request will carry. Do not pass `X-Amz-Date`,
    ///     `X-Amz-Security-Token` or `Authorization`: they are ignored and replaced.
    ///   - body: The exact body bytes that will be sent.
    ///   - date: The signing time; it must be within about 5 minutes of AWS's clock.
    /// - Returns: `X-Amz-Date`, then `X-Amz-Security-Token` when the credentials have a session
    ///   token, then `Authorization`.
    public func signedHeaders(
        method: String,
        url: String,
        headers: [(name: String, value: String)],
        body: [UInt8],
        date: Date
    ) -> [(name: String, value: String)] {
        sign(method: method, url: url, headers: headers, body: body, date: date).headers
    }

    /// Signs a request and returns every stage of the computation.
    ///
    /// Same parameters and rules as ``signedHeaders(method:url:headers:body:date:)``.
    public func sign(
        method: String,
        url: String,
        headers: [(name: String, value: String)],
        body: [UInt8],
        date: Date
    ) -> SigV4Signature {
        let amzDate = AmzDate(date)
        let token = credentials.sessionToken.flatMap { $0.isEmpty ? nil : $0 }
        let payloadHash = Hex.encode(SHA256.hash(data: body))
        let toSign = headersToSign(url: SigningURL(url), headers: headers, amzDate: amzDate, token: token)
        let request = canonicalRequest(method: method, url: SigningURL(url), headers: toSign, payloadHash: payloadHash)
        let requestHash = request.hash
        let stringToSign = stringToSign(canonicalRequestHash: requestHash, date: amzDate)
        let signature = signature(stringToSign: stringToSign, date: amzDate)
        let scope = credentialScope(amzDate)
        let authorization =
            "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(request.signedHeaders), Signature=\(signature)"
        return SigV4Signature(
            amzDate: amzDate.timestamp,
            credentialScope: scope,
            payloadHash: payloadHash,
            canonicalRequest: request.text,
            canonicalRequestHash: requestHash,
            signedHeaders: request.signedHeaders,
            stringToSign: stringToSign,
            signature: signature,
            authorization: authorization,
            sessionToken: token
        )
    }
}
