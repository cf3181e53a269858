// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A sticky wake-up for one waiting thread: ``signal()`` before ``wait()`` is not lost, and any number
/// of signals while the thread is busy wake it once.
final class WakeSignal: @unchecked Sendable {
    // Safety: `pending` is only touched with `mutex` held; the pointers are allocated once and freed in deinit.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var pending = false

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Wakes the waiting thread, or the next call to ``wait()``.
    func signal() {
        pthread_mutex_lock(mutex)
        pending = true
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Blocks the calling thread until signalled, then consumes the signal.
    func wait() {
        pthread_mutex_lock(mutex)
        while !pending { pthread_cond_wait(condition, mutex) }
        pending = false
        pthread_mutex_unlock(mutex)
    }
}
