// SPDX-License-Identifier: Apache-2.0

/// API keys and response-header settings of the HTTP API (GOFF's `authorizedKeys`, `apiKeys`,
/// `disableVersionHeader`).
///
/// Its `description`, `debugDescription` and mirror show how many keys there are, never the keys.
public struct AccessConfiguration: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Keys accepted on the evaluation and collector routes: `authorizedKeys.evaluation` plus the legacy
    /// `apiKeys`. When empty (and there are no admin keys either) those routes are open, as in GOFF.
    public var evaluationKeys: [String]
    /// Keys accepted on the admin routes (and, as GOFF does, on the evaluation routes too).
    public var adminKeys: [String]
    /// Whether to leave out the `X-GOFEATUREFLAG-VERSION` response header.
    public var disableVersionHeader: Bool

    /// Creates settings; defaults are open routes and the version header on.
    public init(evaluationKeys: [String] = [], adminKeys: [String] = [], disableVersionHeader: Bool = false) {
        self.evaluationKeys = evaluationKeys
        self.adminKeys = adminKeys
        self.disableVersionHeader = disableVersionHeader
    }

    public var description: String {
        "AccessConfiguration(evaluationKeys: \(evaluationKeys.count) redacted, adminKeys: \(adminKeys.count) "
            + "redacted, disableVersionHeader: \(disableVersionHeader))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "evaluationKeys": "\(evaluationKeys.count) redacted", "adminKeys": "\(adminKeys.count) redacted",
                "disableVersionHeader": disableVersionHeader,
            ])
    }
}
