// SPDX-License-Identifier: Apache-2.0

import CCurl
import Synchronization

/// The only state shared between callers of ``CurlHTTPClient`` and its owner thread.
///
/// Everything lives behind one `Mutex`. Whoever removes a request's continuation from `waiting`
/// resumes it, so each continuation is resumed exactly once whichever of completion, cancellation
/// and shutdown comes first. Continuations are resumed outside the lock.
final class TransferQueue: Sendable {
    /// Resumed with the outcome of one request.
    typealias Continuation = CheckedContinuation<Result<HTTPResponse, TransportError>, Never>

    /// A request handed from a caller to the owner thread.
    struct Submission: Sendable {
        let id: UInt64
        let request: HTTPRequest
    }

    /// What the owner thread must do next.
    struct Work: Sendable {
        var submissions: [Submission] = []
        var cancellations: [UInt64] = []
        var stop = false
    }

    private struct State {
        var nextID: UInt64 = 0
        var waiting: [UInt64: Continuation] = [:]
        var pending: [Submission] = []
        var cancellations: [UInt64] = []
        /// Set once by shutdown or by a failed start; every later request fails with it.
        var terminal: TransportError?
        /// The owner's multi handle, published only so that callers can `curl_multi_wakeup` it
        /// (documented as callable from any thread). Read and cleared under the lock, and cleared by
        /// the owner before `curl_multi_cleanup`, so it is never used after it is freed.
        var wakeHandle: WakeHandle?
        var exited = false
        var exitWaiters: [CheckedContinuation<Void, Never>] = []
        var threadClaimed = false
    }

    private let state = Mutex(State())

    /// A fresh request identifier.
    func makeID() -> UInt64 {
        state.withLock { state in
            state.nextID &+= 1
            return state.nextID
        }
    }

    // MARK: Callers

    /// Queues a request for the owner thread, or fails it at once after shutdown or cancellation.
    ///
    /// Must run on the awaiting task (inside `withCheckedContinuation`): a cancellation that raced
    /// ahead of the submission is seen here through `Task.isCancelled`.
    func submit(_ request: HTTPRequest, id: UInt64, continuation: Continuation) {
        let rejection: TransportError? = state.withLock { state in
            if let terminal = state.terminal { return terminal }
            if Task.isCancelled { return .taskCancelled }
            state.waiting[id] = continuation
            state.pending.append(Submission(id: id, request: request))
            Self.wake(state.wakeHandle)
            return nil
        }
        if let rejection {
            continuation.resume(returning: .failure(rejection))
        }
    }

    /// Fails a request with `.cancelled` and asks the owner thread to drop its transfer.
    func cancel(id: UInt64) {
        let continuation: Continuation? = state.withLock { state in
            guard let continuation = state.waiting.removeValue(forKey: id) else { return nil }
            if let index = state.pending.firstIndex(where: { $0.id == id }) {
                state.pending.remove(at: index)
            } else {
                state.cancellations.append(id)
                Self.wake(state.wakeHandle)
            }
            return continuation
        }
        continuation?.resume(returning: .failure(.taskCancelled))
    }

    /// Fails every waiting request and all later ones with `error`, and tells the owner thread to stop.
    func terminate(with error: TransportError) {
        let failed: [Continuation] = state.withLock { state in
            if state.terminal == nil { state.terminal = error }
            let failed = Array(state.waiting.values)
            state.waiting.removeAll()
            state.pending.removeAll()
            state.cancellations.removeAll()
            Self.wake(state.wakeHandle)
            return failed
        }
        for continuation in failed {
            continuation.resume(returning: .failure(error))
        }
    }

    /// Returns once the owner thread has released every curl handle.
    func waitForExit() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let exited = state.withLock { state in
                if !state.exited { state.exitWaiters.append(continuation) }
                return state.exited
            }
            if exited { continuation.resume() }
        }
    }

    /// `true` for the first caller only: that caller joins or detaches the owner thread.
    func claimThread() -> Bool {
        state.withLock { state in
            defer { state.threadClaimed = true }
            return !state.threadClaimed
        }
    }

    // MARK: Owner thread

    /// Makes the owner's multi handle available to ``wake(_:)``.
    func publish(wakeHandle: WakeHandle) {
        state.withLock { state in
            state.wakeHandle = wakeHandle
        }
    }

    /// Withdraws the multi handle; called before it is cleaned up.
    func retractWakeHandle() {
        state.withLock { state in
            state.wakeHandle = nil
        }
    }

    /// Takes the new submissions and cancellations, and whether to stop.
    func takeWork() -> Work {
        state.withLock { state in
            var work = Work(stop: state.terminal != nil)
            swap(&work.submissions, &state.pending)
            swap(&work.cancellations, &state.cancellations)
            return work
        }
    }

    /// Delivers a request's outcome, unless it was already failed by cancellation or shutdown.
    func complete(id: UInt64, with result: Result<HTTPResponse, TransportError>) {
        let continuation = state.withLock { state in
            state.waiting.removeValue(forKey: id)
        }
        continuation?.resume(returning: result)
    }

    /// Records that the owner thread is gone and wakes ``waitForExit()`` callers.
    func markExited() {
        let waiters: [CheckedContinuation<Void, Never>] = state.withLock { state in
            state.exited = true
            defer { state.exitWaiters.removeAll() }
            return state.exitWaiters
        }
        for waiter in waiters {
            waiter.resume()
        }
    }

    private static func wake(_ handle: WakeHandle?) {
        if let handle {
            _ = curl_multi_wakeup(handle.multi)
        }
    }
}
