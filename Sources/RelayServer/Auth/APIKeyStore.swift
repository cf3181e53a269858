// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// The API keys in force, replaceable at run time (a configuration reload rotates them without a
/// restart). Comparisons take the same time whatever the key, so a wrong key reveals nothing.
public final class APIKeyStore: Sendable {
    /// What a key is allowed to do.
    public enum Role: Sendable, Equatable {
        /// Evaluation and collector routes.
        case evaluation
        /// Admin routes, and evaluation routes too (as GOFF).
        case admin
    }

    private struct Keys {
        var evaluation: [[UInt8]]
        var admin: [[UInt8]]
    }

    private let keys: Mutex<Keys>

    /// Creates a store with the given keys.
    public init(evaluation: [String], admin: [String]) {
        keys = Mutex(Keys(evaluation: evaluation.map { Array($0.utf8) }, admin: admin.map { Array($0.utf8) }))
    }

    /// Replaces every key.
    public func replace(evaluation: [String], admin: [String]) {
        keys.withLock { $0 = Keys(evaluation: evaluation.map { Array($0.utf8) }, admin: admin.map { Array($0.utf8) }) }
    }

    /// Whether evaluation routes require a key: true once an evaluation key is configured (GOFF: "admin
    /// keys alone leave the API open").
    public var evaluationRequiresKey: Bool { keys.withLock { !$0.evaluation.isEmpty } }

    /// The role of `candidate`, or nil when it matches no key.
    public func role(of candidate: String) -> Role? {
        let bytes = Array(candidate.utf8)
        return keys.withLock { keys in
            var isAdmin = false
            var isEvaluation = false
            for key in keys.admin where Self.constantTimeEquals(key, bytes) { isAdmin = true }
            for key in keys.evaluation where Self.constantTimeEquals(key, bytes) { isEvaluation = true }
            if isAdmin { return .admin }
            return isEvaluation ? .evaluation : nil
        }
    }

    /// Compares without an early exit: the time depends only on the lengths.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count)
        let length = max(lhs.count, rhs.count)
        for index in 0..<length {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0 && lhs.count == rhs.count
    }
}
