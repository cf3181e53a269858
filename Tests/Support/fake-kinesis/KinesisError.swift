// SPDX-License-Identifier: Apache-2.0
import NIOHTTP1

/// A whole-call error, answered as Kinesis does: `{"__type":…,"message":…}` with the HTTP status of
/// the code and the `x-amzn-ErrorType` header.
struct KinesisError: Error, Sendable, Equatable {
    /// The error codes the fake answers with (the `__type` value).
    enum Code: String, Sendable, CaseIterable {
        case validation = "ValidationException"
        case invalidArgument = "InvalidArgumentException"
        case resourceNotFound = "ResourceNotFoundException"
        case serialization = "SerializationException"
        case unknownOperation = "UnknownOperationException"
        case invalidSignature = "InvalidSignatureException"
        case incompleteSignature = "IncompleteSignatureException"
        case missingAuthenticationToken = "MissingAuthenticationTokenException"
        case unrecognizedClient = "UnrecognizedClientException"
        case throttling = "ThrottlingException"
        case limitExceeded = "LimitExceededException"
        case provisionedThroughputExceeded = "ProvisionedThroughputExceededException"
        case internalFailure = "InternalFailure"
        case serviceUnavailable = "ServiceUnavailable"
        case notFound = "NotFound"
        case requestTooLarge = "RequestEntityTooLarge"
    }

    /// The `__type`.
    let code: Code
    /// The `message`.
    let message: String

    /// The HTTP status Kinesis uses for the code.
    var status: HTTPResponseStatus {
        switch code {
        case .internalFailure: .internalServerError
        case .serviceUnavailable: .serviceUnavailable
        case .notFound: .notFound
        case .requestTooLarge: .payloadTooLarge
        default: .badRequest
        }
    }

    /// A `ValidationException` in the wording of AWS's model checks, e.g.
    /// `1 validation error detected: Value null at 'records.1.member.data' failed to satisfy constraint: …`.
    static func constraint(_ value: String, at field: String, _ constraint: String) -> KinesisError {
        KinesisError(
            code: .validation,
            message: "1 validation error detected: Value \(value) at '\(field)' failed to satisfy constraint: "
                + constraint
        )
    }
}
