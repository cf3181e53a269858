// SPDX-License-Identifier: Apache-2.0

import Glibc

/// A dedicated POSIX thread, outside the Swift concurrency pool, that runs one blocking body.
struct OwnerThread: Sendable {
    private let thread: pthread_t

    /// Starts a thread running `body`.
    /// - Parameter body: The work; the thread ends when it returns.
    /// - Returns: The thread, or `nil` when the system refused to create one.
    static func start(_ body: @escaping @Sendable () -> Void) -> OwnerThread? {
        let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().body()
                return nil
            }, context)
        guard result == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            return nil
        }
        return OwnerThread(thread: thread)
    }

    /// Waits for the thread to end and releases it. Call at most once, and never from the thread itself.
    func join() {
        _ = pthread_join(thread, nil)
    }

    /// Lets the thread release itself when it ends. Call at most once, instead of ``join()``.
    func detach() {
        _ = pthread_detach(thread)
    }

    /// Whether the caller is running on this thread.
    var isCurrent: Bool {
        pthread_equal(pthread_self(), thread) != 0
    }
}

/// The body handed to the new thread through `pthread_create`'s context pointer.
private final class ThreadBody: Sendable {
    let body: @Sendable () -> Void

    init(_ body: @escaping @Sendable () -> Void) {
        self.body = body
    }
}
