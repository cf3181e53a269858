// SPDX-License-Identifier: Apache-2.0

/// What the evaluation routes need: the flags, and the forced refresh of `POST /admin/v1/retriever/refresh`.
public struct EvaluationRoutes: Sendable {
    /// The flags to evaluate.
    public var source: FlagSource
    /// Refreshes the flags now and tells whether every retriever succeeded; `nil` without retrievers
    /// (the admin refresh then answers `{"refreshed":false}`).
    public var refresh: (@Sendable () async -> Bool)?

    /// Creates the routes' dependencies.
    public init(source: FlagSource, refresh: (@Sendable () async -> Bool)? = nil) {
        self.source = source
        self.refresh = refresh
    }
}
