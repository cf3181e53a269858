// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// The mutable part shared by every copy of one ``FlagRefreshService``.
final class RefreshState: Sendable {
    private struct Fields {
        var initialLoad: Task<Result<Void, FlagRetrievalError>, Never>?
        var started: UInt64 = 0
        var applied: UInt64 = 0
    }

    private let fields = Mutex(Fields())

    /// The initial-load task: the existing one, or the one `make` creates on the first call.
    func initialLoadTask(
        _ make: () -> Task<Result<Void, FlagRetrievalError>, Never>
    ) -> Task<Result<Void, FlagRetrievalError>, Never> {
        fields.withLock { fields in
            if let task = fields.initialLoad { return task }
            let task = make()
            fields.initialLoad = task
            return task
        }
    }

    /// A number for a refresh that starts now; later refreshes get larger numbers.
    func beginRefresh() -> UInt64 {
        fields.withLock { fields in
            fields.started += 1
            return fields.started
        }
    }

    /// A step that installs flags.
    typealias Apply<T> = () throws(FlagRetrievalError) -> T

    /// Runs `apply` unless a refresh that started later was applied already (its flags are newer), so that
    /// overlapping refreshes (a poll and an admin refresh) never install older flags over newer ones.
    /// - Returns: `apply`'s result, or `nil` when the refresh was superseded.
    func applyIfLatest<T>(_ sequence: UInt64, _ apply: Apply<T>) throws(FlagRetrievalError) -> T? {
        try fields.withLock { (fields) throws(FlagRetrievalError) -> T? in
            guard sequence > fields.applied else { return nil }
            let result = try apply()
            fields.applied = sequence
            return result
        }
    }
}
