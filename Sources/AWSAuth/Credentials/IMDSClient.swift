// SPDX-License-Identifier: Apache-2.0
import Foundation
import Synchronization

/// A client of the EC2 instance metadata service, version 2 only (session tokens; no IMDSv1 fallback).
///
/// `PUT /latest/api/token` with `X-aws-ec2-metadata-token-ttl-seconds` gets a session token, kept until
/// one minute before its TTL ends; every `GET` sends it as `X-aws-ec2-metadata-token`. A `401` answer
/// drops the token and the request is retried once with a new one.
///
/// The endpoint is `AWS_EC2_METADATA_SERVICE_ENDPOINT` (or the profile's `ec2_metadata_service_endpoint`),
/// else `http://[fd00:ec2::254]` when `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE` (or
/// `ec2_metadata_service_endpoint_mode`) is `IPv6`, else `http://169.254.169.254`.
public final class IMDSClient: Sendable, CustomStringConvertible {
    /// When `true` (any case), IMDS is not used.
    public static let disabledVariable = "AWS_EC2_METADATA_DISABLED"
    /// Overrides the endpoint.
    public static let endpointVariable = "AWS_EC2_METADATA_SERVICE_ENDPOINT"
    /// `IPv4` (default) or `IPv6`.
    public static let endpointModeVariable = "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"

    /// The base URL, without a trailing slash, for example `http://169.254.169.254`.
    public let endpoint: String
    /// The token TTL asked for, in seconds.
    public let tokenTTL: Int
    private let http: any CredentialHTTPClient
    private let timeout: Duration
    private let now: @Sendable () -> Date
    private let token: Mutex<(value: String, renewAt: Date)?> = Mutex(nil)

    /// Whether IMDS is disabled: `AWS_EC2_METADATA_DISABLED` is `true` in any case.
    public static func isDisabled(environment: [String: String]) -> Bool {
        environment[disabledVariable]?.lowercased() == "true"
    }

    /// Creates a client.
    /// - Parameters:
    ///   - environment: The process environment (endpoint settings).
    ///   - configuration: The shared files, for the profile's endpoint settings, or `nil`.
    ///   - http: The HTTP client.
    ///   - tokenTTL: The session token lifetime to ask for, 1 to 21600 seconds; 21600 by default.
    ///   - timeout: The limit for each request; 2 seconds by default.
    ///   - now: The clock that times the token.
    /// - Throws: ``CredentialError`` `invalidSetting` for an endpoint that is not an http(s) URL or an
    ///   unknown endpoint mode.
    public init(
        environment: [String: String], configuration: SharedConfiguration? = nil, http: any CredentialHTTPClient,
        tokenTTL: Int = 21600, timeout: Duration = .seconds(2), now: @escaping @Sendable () -> Date = { Date() }
    ) throws(CredentialError) {
        func setting(_ variable: String, _ key: String) -> String? {
            let value = environment[variable] ?? configuration?.selectedProfile?[key]
            return value.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let configured = setting(Self.endpointVariable, "ec2_metadata_service_endpoint") {
            let parsed = SigningURL(configured)
            guard ["http", "https"].contains(parsed.scheme), !parsed.host.isEmpty else {
                throw CredentialError(
                    code: .invalidSetting, variable: Self.endpointVariable,
                    message: "\(Self.endpointVariable) \(configured) is not an http(s) URL")
            }
            endpoint = configured.hasSuffix("/") ? String(configured.dropLast()) : configured
        } else {
            switch setting(Self.endpointModeVariable, "ec2_metadata_service_endpoint_mode")?.lowercased() {
            case nil, "ipv4": endpoint = "http://169.254.169.254"
            case "ipv6": endpoint = "http://[fd00:ec2::254]"
            case let mode?:
                throw CredentialError(
                    code: .invalidSetting, variable: Self.endpointModeVariable,
                    message: "\(Self.endpointModeVariable) is \"\(mode)\", not IPv4 or IPv6")
            }
        }
        self.tokenTTL = min(max(tokenTTL, 1), 21600)
        self.http = http
        self.timeout = timeout
        self.now = now
    }

    /// `GET <endpoint><path>` with the session token.
    /// - Parameter path: The path, for example `/latest/meta-data/placement/region`.
    /// - Returns: The body as text.
    /// - Throws: ``CredentialError``: `unreachable` (with a hop-limit hint for the token request),
    ///   `serviceError` for any status but 200.
    public func get(_ path: String) async throws(CredentialError) -> String {
        var retried = false
        while true {
            let session = try await sessionToken()
            let response = try await http.exchange(
                "GET", endpoint + path, headers: [("X-aws-ec2-metadata-token", session)], timeout: timeout,
                what: "EC2 instance metadata", variable: "imds")
            if response.status == 401, !retried {
                retried = true
                token.withLock { $0 = nil }
                continue
            }
            guard response.status == 200 else {
                throw CredentialError(
                    code: .serviceError, variable: "imds",
                    message: "EC2 instance metadata GET \(path) answered HTTP \(response.status)",
                    serviceCode: String(response.status))
            }
            return response.text
        }
    }

    /// The instance's region, from `/latest/meta-data/placement/region`.
    public func region() async throws(CredentialError) -> String {
        let region = try await get("/latest/meta-data/placement/region").trimmingCharacters(in: .whitespacesAndNewlines)
        guard KinesisEndpointResolver.isRegionName(region) else {
            throw CredentialError(
                code: .invalidResponse, variable: "imds",
                message: "EC2 instance metadata gave \"\(region.prefix(64))\" as the region")
        }
        return region
    }

    /// For example `EC2 instance metadata http://169.254.169.254`.
    public var description: String { "EC2 instance metadata \(endpoint)" }

    private func sessionToken() async throws(CredentialError) -> String {
        let start = now()
        if let cached = token.withLock({ $0 }), start < cached.renewAt {
            return cached.value
        }
        let url = endpoint + "/latest/api/token"
        let response: CredentialHTTPResponse
        do {
            response = try await http.exchange(
                "PUT", url, headers: [("X-aws-ec2-metadata-token-ttl-seconds", String(tokenTTL))], timeout: timeout,
                what: "EC2 instance metadata token request", variable: "imds")
        } catch {
            var error = error
            error.message +=
                " (not on EC2? set \(Self.disabledVariable)=true; in a container on EC2, the "
                + "instance's metadata hop limit may need to be 2)"
            throw error
        }
        let value = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard response.status == 200, !value.isEmpty else {
            throw CredentialError(
                code: .serviceError, variable: "imds",
                message: "EC2 instance metadata token request PUT \(url) answered HTTP \(response.status)"
                    + (response.status == 403 ? " (IMDS is disabled for this instance?)" : ""),
                serviceCode: String(response.status))
        }
        let renewAt = start.addingTimeInterval(TimeInterval(max(tokenTTL - 60, tokenTTL / 2)))
        token.withLock { $0 = (value, renewAt) }
        return value
    }
}
