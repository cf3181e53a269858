// SPDX-License-Identifier: Apache-2.0

/// What the sender does with a failure, by class (see spec/kinesis.md §1.3).
public enum KinesisErrorClass: String, Sendable, Equatable {
    /// Over a shard's or the account's rate: retry with backoff, never drop.
    case throttle
    /// A transient fault (5xx, network, timeout, internal failure): retry with backoff.
    case transient
    /// The request's clock is outside the signature window: correct the clock, re-sign, retry.
    case clockSkew
    /// The credentials are refused or expired: refresh them, then retry slowly while it persists.
    case credentials
    /// The stream, permission or key is wrong: keep the data and retry slowly until an operator fixes it.
    case configuration
    /// Our request itself is invalid (size, count): split the batch; a lone record is dead-lettered.
    case invalidRequest

    /// Classifies an AWS error code (or a transport code) and HTTP status.
    public static func classify(code: String, status: Int, message: String) -> KinesisErrorClass {
        switch code {
        case "ProvisionedThroughputExceededException", "ThrottlingException", "LimitExceededException",
            "KMSThrottlingException", "RequestLimitExceeded", "TooManyRequestsException", "Throttling":
            return .throttle
        case "InternalFailure", "InternalFailureException", "ServiceUnavailable", "ServiceUnavailableException",
            "InternalServerError":
            return .transient
        case "RequestExpired", "RequestTimeTooSkewed", "RequestInTheFuture":
            return .clockSkew
        case "InvalidSignatureException":
            let lowered = message.lowercased()
            if lowered.contains("signature expired") || lowered.contains("not yet current") { return .clockSkew }
            return .credentials
        case "ExpiredTokenException", "ExpiredToken", "UnrecognizedClientException", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "IncompleteSignature", "IncompleteSignatureException",
            "MissingAuthenticationToken", "MissingAuthenticationTokenException", "CredentialsUnavailable":
            return .credentials
        case "ResourceNotFoundException", "AccessDeniedException", "AccessDenied", "KMSDisabledException",
            "KMSInvalidStateException", "KMSAccessDeniedException", "KMSNotFoundException", "KMSOptInRequired",
            "ResourceInUseException":
            return .configuration
        case "ValidationException", "InvalidArgumentException", "SerializationException":
            return .invalidRequest
        default:
            if status == 429 { return .throttle }
            return .transient
        }
    }

    /// Whether a failure of this class is retried on the fast (exponential backoff) schedule.
    public var retriesFast: Bool {
        switch self {
        case .throttle, .transient, .clockSkew: return true
        case .credentials, .configuration, .invalidRequest: return false
        }
    }
}
