// SPDX-License-Identifier: Apache-2.0

import Events
import Logging
import Metrics
import Synchronization

/// Collects the `source:"SERVER"` events of evaluations and hands them to the exporters in batches, so
/// that an evaluation costs one array append instead of one log append (and one disk write) of its own.
///
/// Batching needs no timer: while one batch is being appended, the events of the evaluations answered in
/// the meantime gather for the next one (group commit). Responses never wait for the append, as in GOFF.
/// Events still buffered when the process is killed are lost, like the events GOFF keeps in its exporter's
/// memory; a refused batch (log full or closed) is logged and counted.
final class EvaluationEventBuffer: Sendable {
    private struct State {
        var pending: [ExportEvent] = []
        var flushing = false
    }

    private let state = Mutex(State())
    private let dispatcher: EventDispatcher
    private let logger: Logger
    private let refused = Counter(label: "goff_relay_evaluation_events_refused_total")

    /// Creates a buffer in front of `dispatcher`.
    init(dispatcher: EventDispatcher, logger: Logger) {
        self.dispatcher = dispatcher
        self.logger = logger
    }

    /// Adds one event; starts a flush unless one is running (which will pick the event up).
    func add(_ event: ExportEvent) {
        let startFlush = state.withLock { state -> Bool in
            state.pending.append(event)
            guard !state.flushing else { return false }
            state.flushing = true
            return true
        }
        if startFlush {
            Task { await self.flush() }
        }
    }

    /// Appends batches until nothing is pending.
    private func flush() async {
        while true {
            let batch = state.withLock { state -> [ExportEvent] in
                let batch = state.pending
                state.pending = []
                if batch.isEmpty { state.flushing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                try await dispatcher.dispatch(batch)
            } catch {
                refused.increment(by: batch.count)
                logger.warning(
                    "evaluation events refused",
                    metadata: ["goff.events": .stringConvertible(batch.count), "goff.reason": .string("\(error)")])
            }
        }
    }
}
