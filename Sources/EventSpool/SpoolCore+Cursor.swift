// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// When the cursor file of a ``SpoolCore`` is rewritten.
struct CursorSchedule: Sendable {
    /// The start of the last store (or of the last check that found nothing to store).
    var lastStore: ContinuousClock.Instant = .now
    /// A delayed store is scheduled: some change is not in the file yet.
    var timerArmed = false
    /// The spool is gone (its directory lock is being released): nothing may be stored any more.
    var retired = false
}

/// What a change of the acknowledged set calls for.
private enum CursorAction {
    /// Store the cursor now.
    case storeNow
    /// An armed delayed store will include the change.
    case covered
    /// Arm a delayed store.
    case store(after: Duration)
}

/// Batched cursor persistence.
///
/// Acknowledgements change the in-memory ``AcknowledgedSet`` at once; the cursor file is rewritten at most
/// once per ``FileEventSpool/Configuration/cursorWriteInterval``: right away when the last store is older
/// than that, else by a one-shot timer (or the syncer thread, when its next flush round comes first) once
/// the interval has passed. ``FileEventSpool/close()`` stores it at once, and so does every
/// acknowledgement after it.
///
/// Zero loss: the file only ever claims records that were acknowledged, so a stale file (a crash before
/// the delayed store) never skips a record. It only makes the records acknowledged since the last store be
/// handed out again after the restart: duplicates, never loss. Every change is stored within about one
/// interval, so that window stays small.
extension SpoolCore {
    /// Called after the acknowledged set changed: stores it now, or makes sure a delayed store will.
    /// - Parameter immediately: store now whatever the interval (after ``FileEventSpool/close()``).
    func noteCursorChanged(immediately: Bool) {
        let interval = cursorWriteInterval
        let action = cursorSchedule.withLock { schedule -> CursorAction in
            let since = schedule.lastStore.duration(to: .now)
            if immediately || since >= interval || schedule.retired { return .storeNow }
            if schedule.timerArmed { return .covered }
            schedule.timerArmed = true
            return .store(after: interval - since)
        }
        switch action {
        case .storeNow: storeCursor()
        case .covered: break
        case .store(let delay): scheduleCursorStore(after: delay)
        }
    }

    /// Stores the cursor if a delayed store is pending and due (from the syncer thread, so that under load
    /// the file is written there rather than on the Swift concurrency pool).
    func storeCursorIfDue() {
        let due = cursorSchedule.withLock { schedule in
            schedule.timerArmed && schedule.lastStore.duration(to: .now) >= cursorWriteInterval
        }
        if due { storeCursor() }
    }

    /// Stops every later store: the spool's directory may belong to another spool from now on.
    func retireCursor() {
        storedCursorGeneration.withLock { _ in
            cursorSchedule.withLock { $0.retired = true }
        }
    }

    private func scheduleCursorStore(after delay: Duration) {
        Task.detached { [self] in
            try? await Task.sleep(for: delay)
            cursorSchedule.withLock { $0.timerArmed = false }
            storeCursor()
        }
    }
}
