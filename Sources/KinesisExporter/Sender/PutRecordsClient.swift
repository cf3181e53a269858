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

    /// Creates a client.
    /// - Parameter now: the signing clock (injected so tests can pin it).
    public init(
        settings: Settings, transport: any HTTPTransport, credentials: any AWSCredentialProvider,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.settings = settings
        self.transport = transport
        self.credentials = credentials
        self.now = now
    }

    /// Sends `records` in one call and returns the per-record result or the whole-call error.
    public func putRecords(_ records: [ExportRecord]) async -> Result<PutRecordsResult, KinesisServiceError> {
        let body = PutRecordsRequestBody.encode(
            target: settings.target, records: records, explicitHashKey: settings.explicitHashKey)
        let request: HTTPRequest
        do {
            request = try await signedRequest(body: body)
        } catch {
            return .failure(
                KinesisServiceError(status: 0, code: "CredentialsUnavailable", message: "\(error)"))
        }
        do {
            let response = try await transport.send(request)
            return KinesisResponseParser.parsePutRecords(
                status: response.status,
                headers: response.headers.map { (name: $0.name, value: $0.value) },
                body: response.body,
                expectedCount: records.count)
        } catch {
            return .failure(KinesisServiceError(status: 0, code: "Transport.\(error.code)", message: error.message))
        }
    }

    private func signedRequest(body: [UInt8]) async throws -> HTTPRequest {
        let credentials = try await credentials.credentials()
        let signer = SigV4Signer(credentials: credentials, region: settings.signingRegion, service: "kinesis")
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/x-amz-json-1.1"),
            ("X-Amz-Target", "Kinesis_20131202.PutRecords"),
        ]
        headers += signer.signedHeaders(method: "POST", url: settings.url, headers: headers, body: body, date: now())
        return HTTPRequest(
            method: "POST",
            url: settings.url,
            headers: headers.map { HTTPHeader(name: $0.name, value: $0.value) },
            body: body,
            timeout: settings.timeout)
    }
}
