// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What to pass to STS `AssumeRole`: a profile's `role_arn`, `role_session_name`, `external_id` and
/// `duration_seconds`.
public struct AssumeRoleParameters: Sendable, Equatable {
    /// The role to assume.
    public var roleARN: String
    /// The session name; `nil` generates `goff-relay-<unix seconds>` for each call.
    public var sessionName: String?
    /// The external ID the role's trust policy requires, if any.
    public var externalID: String?
    /// The session's lifetime in seconds (900 to 43200); `nil` leaves STS's default (one hour).
    public var durationSeconds: Int?

    /// Creates parameters.
    /// - Parameters:
    ///   - roleARN: The role to assume.
    ///   - sessionName: The session name, or `nil` to generate one.
    ///   - externalID: The external ID, if any.
    ///   - durationSeconds: The session's lifetime, if not STS's default.
    public init(roleARN: String, sessionName: String? = nil, externalID: String? = nil, durationSeconds: Int? = nil) {
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.externalID = externalID
        self.durationSeconds = durationSeconds
    }

    /// The session name to send at a given time.
    func sessionName(at date: Date) -> String {
        sessionName ?? "goff-relay-\(Int64(date.timeIntervalSince1970))"
    }
}
