// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A set of AWS credentials: an access key pair, and a session token when the keys are temporary.
///
/// The textual forms (`description`, `debugDescription`, `dump`) never show the secret access key or
/// the session token, so the value can be logged safely.
public struct AWSCredentials: Sendable, Equatable {
    /// The access key ID, for example `AKIAIOSFODNN7EXAMPLE`. Not a secret: AWS echoes it in error messages.
    public var accessKeyID: String
    /// The secret access key. Never logged.
    public var secretAccessKey: String
    /// The session token of temporary credentials (STS, SSO, IMDS, ECS); `nil` for long-term keys.
    public var sessionToken: String?
    /// When temporary credentials stop working; `nil` when unknown or permanent.
    public var expiration: Date?

    /// Creates credentials.
    /// - Parameters:
    ///   - accessKeyID: The access key ID.
    ///   - secretAccessKey: The secret access key.
    ///   - sessionToken: The session token of temporary credentials, or `nil`.
    ///   - expiration: When the credentials expire, or `nil`.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }
}

extension AWSCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// For example `AWSCredentials(accessKeyID: AKIDEXAMPLE, secretAccessKey: <redacted>, sessionToken: <redacted>)`.
    public var description: String {
        var text = "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>"
        text += sessionToken == nil ? ", sessionToken: nil" : ", sessionToken: <redacted>"
        if let expiration {
            text += ", expiration: \(expiration.formatted(.iso8601))"
        }
        return text + ")"
    }

    /// The same redacted text as ``description``.
    public var debugDescription: String { description }

    /// A mirror without the secrets, so `dump` and debuggers do not reveal them either.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyID": accessKeyID,
                "secretAccessKey": "<redacted>",
                "sessionToken": sessionToken == nil ? "nil" : "<redacted>",
                "expiration": expiration as Any,
            ],
            displayStyle: .struct
        )
    }
}
