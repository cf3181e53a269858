// SPDX-License-Identifier: Apache-2.0

/// Evaluation error codes (GOFF's `ErrorCode`).
public enum EvaluationErrorCode: String, Sendable {
    /// No flag with that key.
    case flagNotFound = "FLAG_NOT_FOUND"
    /// Bucketing needed and no usable targeting / bucketing key.
    case targetingKeyMissing = "TARGETING_KEY_MISSING"
    /// The flag configuration cannot produce a variation.
    case flagConfiguration = "FLAG_CONFIG"
    /// Any other failure.
    case general = "GENERAL"
    /// The flag could not be decoded.
    case parseError = "PARSE_ERROR"
    /// The value has an unexpected type.
    case typeMismatch = "TYPE_MISMATCH"
    /// The request context is invalid.
    case invalidContext = "INVALID_CONTEXT"
}
