// SPDX-License-Identifier: Apache-2.0

import AWSAuth
import CurlTransport
import EventSpool
import Foundation

/// Sends one PutRecords call: encodes, signs afresh (every attempt gets a new date and signature),
/// sends over the transport, and parses the answer.
public struct PutRecordsClient: Sendable {
    /// Where and how to call.
    public struct Settings: Sendable {
        /// The endpoint URL, e.g. `https://kinesis.us-east-1.amazonaws.com/`.
        public var url: String
        /// The region that scopes the signature.
        public var signingRegion: String
        /// The stream.
        public var target: KinesisStreamTarget
        /// An optional explicit hash key for every record.
        public var explicitHashKey: String?
        /// The total time allowed for one call.
        public var timeout: Duration

        /// Creates settings.
        public init(
            url: String, signingRegion: String, target: KinesisStreamTarget, explicitHashKey: String? = nil,
            timeout: Duration = .seconds(10)
        ) {
            self.url = url
            self.signingRegion = signingRegion
            self.target = target
            self.explicitHashKey = explicitHashKey
            self.timeout = timeout
        }
    }

    let settings: Settings
    let transport: any HTTPTransport
    let credentials: any AWSCredentialProvider
    let now: @Sendable () -> Date
    let clockSkew: ClockSkew?

    /// Creates a client.
    /// - Parameters:
    ///   - now: the signing clock (injected so tests can pin it; the relay passes the skew-corrected clock).
    ///   - clockSkew: learns the offset from every answer's `Date` header (nil: no correction).
    public init(
        settings: Settings, transport: any HTTPTransport, credentials: any AWSCredentialProvider,
        now: @escaping @Sendable () -> Date = { Date() }, clockSkew: ClockSkew? = nil
    ) {
        self.settings = settings
        self.transport = transport
        self.credentials = credentials
        self.now = now
        self.clockSkew = clockSkew
    }

    /// Sends `records` in one call and returns the per-record result or the whole-call error.
    ///
    /// Every answer's `Date` header feeds the clock-skew correction (the next signature uses the
    /// corrected time); an expired-token answer drops the cached credentials so the next attempt
    /// fetches fresh ones.
    public func putRecords(_ records: [ExportRecord]) async -> Result<PutRecordsResult, KinesisServiceError> {
        let body = PutRecordsRequestBody.encode(
            target: settings.target, records: records, explicitHashKey: settings.explicitHashKey)
        let request: HTTPRequest
        let used: AWSCredentials
        do {
            (request, used) = try await signedRequest(body: body)
        } catch {
            return .failure(
                KinesisServiceError(status: 0, code: "CredentialsUnavailable", message: "\(error)"))
        }
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            return .failure(KinesisServiceError(status: 0, code: "Transport.\(error.code)", message: error.message))
        }
        let result = KinesisResponseParser.parsePutRecords(
            status: response.status,
            headers: response.headers.map { (name: $0.name, value: $0.value) },
            body: response.body,
            expectedCount: records.count)
        var skewError = false
        if case .failure(let error) = result {
            skewError = ClockSkew.isSkewError(code: error.code, message: error.message)
            if Self.expiredTokenCodes.contains(error.code) {
                if let chain = credentials as? DefaultCredentialChain {
                    chain.invalidate(rejected: used)
                } else if let cache = credentials as? CachingCredentialProvider {
                    cache.invalidate(rejected: used)
                }
            }
        }
        clockSkew?.observe(dateHeader: response.header("Date"), localNow: Date(), skewError: skewError)
        return result
    }

    /// Answers after which cached credentials are dropped (fetched again before the next attempt).
    static let expiredTokenCodes: Set<String> = [
        "ExpiredTokenException", "ExpiredToken", "InvalidClientTokenId", "UnrecognizedClientException",
    ]

    private func signedRequest(body: [UInt8]) async throws -> (HTTPRequest, AWSCredentials) {
        let credentials = try await credentials.credentials()
        let signer = SigV4Signer(credentials: credentials, region: settings.signingRegion, service: "kinesis")
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/x-amz-json-1.1"),
            ("X-Amz-Target", "Kinesis_20131202.PutRecords"),
        ]
        headers += signer.signedHeaders(method: "POST", url: settings.url, headers: headers, body: body, date: now())
        let request = HTTPRequest(
            method: "POST",
            url: settings.url,
            headers: headers.map { HTTPHeader(name: $0.name, value: $0.value) },
            body: body,
            timeout: settings.timeout)
        return (request, credentials)
    }
}
