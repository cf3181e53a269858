// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine
import FlagRetrieval
import Synchronization

/// What the evaluation routes read: the store's current snapshot with its flags parsed (once per snapshot
/// version) and an evaluator carrying the flag set's `evaluationContextEnrichment`.
public final class FlagSource: Sendable {
    /// One snapshot, ready for evaluation.
    struct View: Sendable {
        let snapshot: FlagSnapshot
        let flags: [String: Flag]
        let evaluator: FlagEvaluator
    }

    /// The store read.
    public let store: FlagStore
    private let normalizer: EngineFlagNormalizer?
    private let cache = Mutex<View?>(nil)

    /// Creates a source over `store`; `normalizer` is the store's normalizer when it is the engine's
    /// (its parsed flags are reused), `nil` otherwise (flags are parsed once per snapshot here).
    public init(store: FlagStore, normalizer: EngineFlagNormalizer? = nil) {
        self.store = store
        self.normalizer = normalizer
    }

    /// The current view; rebuilt only when the snapshot version changed.
    func current() -> View {
        let snapshot = store.snapshot
        if let view = cache.withLock({ $0 }), view.snapshot.version == snapshot.version { return view }
        var flags: [String: Flag] = [:]
        for key in snapshot.flags.keys {
            guard let json = snapshot.flagJSON[key] else { continue }
            if let flag = normalizer?.parsedFlag(key: key, json: json) {
                flags[key] = flag
            } else if let raw = snapshot.flags[key], let flag = try? Flag(json: raw) {
                flags[key] = flag
            }
        }
        let view = View(
            snapshot: snapshot, flags: flags,
            evaluator: FlagEvaluator(evaluationContextEnrichment: snapshot.evaluationContextEnrichment))
        cache.withLock { $0 = view }
        return view
    }
}
