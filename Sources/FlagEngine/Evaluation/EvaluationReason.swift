// SPDX-License-Identifier: Apache-2.0

/// Why an evaluation returned its value (GOFF's `ResolutionReason`).
public enum EvaluationReason: String, Sendable {
    /// A targeting rule matched and serves one variation.
    case targetingMatch = "TARGETING_MATCH"
    /// A targeting rule matched and splits users (percentages or progressive rollout).
    case targetingMatchSplit = "TARGETING_MATCH_SPLIT"
    /// The default rule splits users.
    case split = "SPLIT"
    /// The default rule serves one variation and the flag has targeting rules.
    case defaultRule = "DEFAULT"
    /// The default rule serves one variation and the flag has no targeting rules.
    case staticValue = "STATIC"
    /// The flag is disabled or outside its experimentation window.
    case disabled = "DISABLED"
    /// Evaluation failed; see the error code.
    case error = "ERROR"
    /// GOFF's `UNKNOWN`.
    case unknown = "UNKNOWN"
}
