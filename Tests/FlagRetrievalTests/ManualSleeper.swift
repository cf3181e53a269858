// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// Stands in for the polling sleep: every sleep waits until the test calls ``tick()``; the test can wait
/// until the service has gone to sleep a given number of times (which means the refresh before it ended).
final class ManualSleeper: Sendable {
    private struct State {
        var sleeping: [Int: CheckedContinuation<Void, any Error>] = [:]
        var cancelled: Set<Int> = []
        var nextID = 0
        var sleeps = 0
        var watchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    /// The sleep function handed to the service.
    func sleep() async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let ready: [CheckedContinuation<Void, Never>] = state.withLock { state in
                    if state.cancelled.contains(id) {
                        continuation.resume(throwing: CancellationError())
                        return []
                    }
                    state.sleeping[id] = continuation
                    state.sleeps += 1
                    let count = state.sleeps
                    let ready = state.watchers.filter { $0.count <= count }.map(\.continuation)
                    state.watchers.removeAll { $0.count <= count }
                    return ready
                }
                for watcher in ready { watcher.resume() }
            }
        } onCancel: {
            let sleeper = state.withLock { state in
                state.cancelled.insert(id)
                return state.sleeping.removeValue(forKey: id)
            }
            sleeper?.resume(throwing: CancellationError())
        }
    }

    /// Wakes every sleeper.
    func tick() {
        let sleepers = state.withLock { state in
            defer { state.sleeping.removeAll() }
            return Array(state.sleeping.values)
        }
        for sleeper in sleepers { sleeper.resume() }
    }

    /// Returns once the service has started `count` sleeps in total.
    func waitForSleeps(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state in
                if state.sleeps >= count { return true }
                state.watchers.append((count, continuation))
                return false
            }
            if done { continuation.resume() }
        }
    }
}
