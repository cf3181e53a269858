// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import NIOHTTP1

/// The one key pair (and optional session token) the fake accepts, with a signer for it.
struct AcceptedCredentials: Sendable {
    /// The accepted credentials.
    let credentials: AWSCredentials
    /// A signer for them in the stream's region, service `kinesis` (its signing key is cached per day).
    let signer: SigV4Signer

    /// Creates the signer for `credentials` in `region`.
    init(credentials: AWSCredentials, region: String) {
        self.credentials = credentials
        self.signer = SigV4Signer(credentials: credentials, region: region, service: SignatureVerifier.service)
    }
}

/// Checks the SigV4 signature of a request the way Kinesis does, by signing the same canonical
/// request again with AWSAuth's signer and comparing.
///
/// The checks, in order: `Authorization` present (`MissingAuthenticationTokenException`) and well
/// formed (`IncompleteSignatureException`), `X-Amz-Date` present; access key and session token
/// known (`UnrecognizedClientException`); scope region, service and date; the ±5 min window
/// (`InvalidSignatureException` "Signature expired"/"not yet current"); then the signature itself.
struct SignatureVerifier: Sendable {
    /// The signing name of Kinesis.
    static let service = "kinesis"
    /// The accepted clock difference, seconds.
    static let window: Int64 = 300

    /// The region requests must be scoped to.
    let region: String

    /// `nil` when the request is correctly signed; otherwise the error Kinesis would answer.
    func verify(
        method: String,
        uri: String,
        headers: HTTPHeaders,
        body: [UInt8],
        accepted: AcceptedCredentials,
        serverNow: Int64
    ) -> KinesisError? {
        guard let authorizationValue = headers.first(name: "authorization") else {
            return KinesisError(code: .missingAuthenticationToken, message: "Missing Authentication Token")
        }
        let authorization: AuthorizationHeader
        switch AuthorizationHeader.parse(authorizationValue) {
        case .success(let parsed): authorization = parsed
        case .failure(let error): return error
        }
        guard let amzDate = headers.first(name: "x-amz-date"), let requestTime = AWSTime.parseAmzDate(amzDate) else {
            return KinesisError(
                code: .incompleteSignature,
                message:
                    "Authorization header requires existence of a valid 'X-Amz-Date' header (YYYYMMDD'T'HHMMSS'Z').")
        }
        if let error = checkIdentity(authorization, headers: headers, accepted: accepted.credentials) {
            return error
        }
        if let error = checkScope(authorization, amzDate: amzDate) {
            return error
        }
        if let error = checkWindow(requestTime: requestTime, amzDate: amzDate, serverNow: serverNow) {
            return error
        }
        return checkSignature(
            authorization, method: method, uri: uri, headers: headers, body: body, signer: accepted.signer,
            requestTime: requestTime)
    }

    private func checkIdentity(
        _ authorization: AuthorizationHeader,
        headers: HTTPHeaders,
        accepted: AWSCredentials
    ) -> KinesisError? {
        let invalid = KinesisError(
            code: .unrecognizedClient, message: "The security token included in the request is invalid.")
        guard authorization.accessKeyID == accepted.accessKeyID else { return invalid }
        let sentToken = headers.first(name: "x-amz-security-token")
        let expectedToken = accepted.sessionToken.flatMap { $0.isEmpty ? nil : $0 }
        guard sentToken == expectedToken else { return invalid }
        return nil
    }

    private func checkScope(_ authorization: AuthorizationHeader, amzDate: String) -> KinesisError? {
        if authorization.scopeRegion != region {
            return KinesisError(
                code: .invalidSignature,
                message: "Credential should be scoped to a valid region, not '\(authorization.scopeRegion)'. ")
        }
        if authorization.scopeService != Self.service {
            return KinesisError(
                code: .invalidSignature,
                message: "Credential should be scoped to correct service: '\(Self.service)'. ")
        }
        let dateStamp = String(amzDate.prefix(8))
        if authorization.scopeDate != dateStamp {
            return KinesisError(
                code: .invalidSignature,
                message: "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                    + "'\(authorization.scopeDate)' != '\(dateStamp)', from '\(amzDate)'.")
        }
        return nil
    }

    private func checkWindow(requestTime: Int64, amzDate: String, serverNow: Int64) -> KinesisError? {
        if requestTime < serverNow - Self.window {
            return KinesisError(
                code: .invalidSignature,
                message: "Signature expired: \(amzDate) is now earlier than "
                    + "\(AWSTime.amzDate(serverNow - Self.window)) (\(AWSTime.amzDate(serverNow)) - 5 min.)")
        }
        if requestTime > serverNow + Self.window {
            return KinesisError(
                code: .invalidSignature,
                message: "Signature not yet current: \(amzDate) is still later than "
                    + "\(AWSTime.amzDate(serverNow + Self.window)) (\(AWSTime.amzDate(serverNow)) + 5 min.)")
        }
        return nil
    }

    private func checkSignature(
        _ authorization: AuthorizationHeader,
        method: String,
        uri: String,
        headers: HTTPHeaders,
        body: [UInt8],
        signer: SigV4Signer,
        requestTime: Int64
    ) -> KinesisError? {
        let names = authorization.signedHeaders.split(separator: ";").map { String($0) }
        guard names.contains("host") else {
            return KinesisError(
                code: .invalidSignature,
                message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")
        }
        var signed: [(name: String, value: String)] = []
        for name in names {
            for value in headers[name] {
                signed.append((name, value))
            }
        }
        // A path-only URL: the signer then takes `host` from the headers, never from the URL.
        let expected = signer.sign(
            method: method, url: uri, headers: signed, body: body,
            date: Date(timeIntervalSince1970: TimeInterval(requestTime)))
        if expected.signature == authorization.signature, expected.signedHeaders == authorization.signedHeaders {
            return nil
        }
        return KinesisError(
            code: .invalidSignature,
            message: "The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
                + "\n\nThe Canonical String for this request should have been\n'\(expected.canonicalRequest)'\n\n"
                + "The String-to-Sign should have been\n'\(expected.stringToSign)'\n")
    }
}
