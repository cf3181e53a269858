// SPDX-License-Identifier: Apache-2.0

import Events

/// A progressive rollout: from `initial.variation` to `end.variation` between two dates (GOFF's
/// `flag.ProgressiveRollout`).
public struct ProgressiveRollout: Sendable {
    /// One end of the ramp.
    public struct Step: Sendable {
        /// Variation served at this end.
        public var variation: String?
        /// Percentage of users on the end variation at this end.
        public var percentage: Double?
        /// When this end is reached.
        public var date: Timestamp?

        /// Creates an empty step.
        public init(variation: String? = nil, percentage: Double? = nil, date: Timestamp? = nil) {
            self.variation = variation
            self.percentage = percentage
            self.date = date
        }

        func merging(_ update: Step) -> Step {
            Step(
                variation: update.variation ?? variation,
                percentage: update.percentage ?? percentage,
                date: update.date ?? date
            )
        }

        init(json: JSONValue, path: String) throws(FlagParseError) {
            self.init()
            guard let o = try GoFieldDecoder.object(json, "flag.ProgressiveRolloutStep", path) else { return }
            let f = GoFieldDecoder.fields(o, names: ["variation", "percentage", "date"])
            variation = try GoFieldDecoder.string(f["variation"], path + ".variation")
            percentage = try GoFieldDecoder.number(f["percentage"], path + ".percentage")
            date = try GoFieldDecoder.date(f["date"], path + ".date")
        }
    }

    /// The start of the ramp.
    public var initial: Step?
    /// The end of the ramp.
    public var end: Step?

    /// Creates a rollout.
    public init(initial: Step?, end: Step?) {
        self.initial = initial
        self.end = end
    }

    /// Decodes `null` as `nil` (no rollout), an object as a rollout.
    init?(json: JSONValue, path: String) throws(FlagParseError) {
        guard let o = try GoFieldDecoder.object(json, "flag.ProgressiveRollout", path) else { return nil }
        let f = GoFieldDecoder.fields(o, names: ["initial", "end"])
        initial = nil
        end = nil
        if let i = f["initial"], !i.isNull { initial = try Step(json: i, path: path + ".initial") }
        if let e = f["end"], !e.isNull { end = try Step(json: e, path: path + ".end") }
    }
}
