// SPDX-License-Identifier: Apache-2.0

import Metrics
import Synchronization

/// The `gofeatureflag_flag_evaluations_total` counter of each flag key, created once per key instead of
/// once per request (creating one goes through the metrics backend's registry and its lock).
///
/// Flag keys come from request paths, so at most ``limit`` are kept; later keys get a fresh handle per
/// request, which counts the same.
final class FlagEvaluationCounters: Sendable {
    /// The most keys whose counter is kept.
    static let limit = 4_096

    private let cache = Mutex<[String: Counter]>([:])

    /// The counter of `flagName`.
    func counter(flagName: String) -> Counter {
        if let found = cache.withLock({ $0[flagName] }) { return found }
        let created = Counter(label: "gofeatureflag_flag_evaluations_total", dimensions: [("flag_name", flagName)])
        return cache.withLock { cache in
            if let raced = cache[flagName] { return raced }
            if cache.count < Self.limit { cache[flagName] = created }
            return created
        }
    }
}
