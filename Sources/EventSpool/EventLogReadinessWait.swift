// SPDX-License-Identifier: Apache-2.0

/// The shared part of every ``EventLog/waitForRecords(timeout:)``: answer at once when `current`
/// already knows, otherwise wait for `change` (a log's own wake-up) or `timeout`, whichever is first.
/// - Parameters:
///   - timeout: the longest wait; `nil` waits for a change only.
///   - current: the readiness right now, or nil while there is nothing to report.
///   - change: returns when the log changed (append, close) or the task is cancelled.
func awaitReadiness(
    timeout: Duration?, current: () -> EventLogReadiness?, change: @escaping @Sendable () async -> Void
) async -> EventLogReadiness {
    if let readiness = current() { return readiness }
    if let timeout {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await change() }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    } else {
        await change()
    }
    return current() ?? .timedOut
}
