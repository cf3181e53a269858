// SPDX-License-Identifier: Apache-2.0

import Events

/// The fields GOFF's `flag.InternalFlag` decodes, shared by a flag and by each of its scheduled steps
/// (a step embeds the whole flag structure). Every field is optional, as the Go pointers are.
public struct FlagFields: Sendable {
    /// Variation name → value (`null` values allowed, as in Go's `map[string]*any`).
    public var variations: JSONObject?
    /// Targeting rules, in evaluation order.
    public var rules: [Rule]?
    /// Dot-path of the context attribute used instead of the targeting key.
    public var bucketingKey: String?
    /// The rule applied when no targeting rule matches.
    public var defaultRule: Rule?
    /// Experimentation window.
    public var experimentation: Experimentation?
    /// Scheduled steps (only meaningful on a flag; parsed on steps too, as GOFF does).
    public var scheduledSteps: [ScheduledStep]?
    /// `false` means no feature events (default `true`).
    public var trackEvents: Bool?
    /// `true` serves the SDK default with reason DISABLED.
    public var disable: Bool?
    /// Free-form version copied into results and events.
    public var version: String?
    /// Metadata returned with every evaluation.
    public var metadata: JSONObject?

    /// Creates an empty set of fields.
    public init() {}

    static let fieldNames = [
        "variations", "targeting", "bucketingKey", "defaultRule", "experimentation", "scheduledRollout",
        "trackEvents", "disable", "version", "metadata",
    ]

    init(fields f: [String: JSONValue], path: String) throws(FlagParseError) {
        self.init()
        variations = try GoFieldDecoder.object(f["variations"], "map[string]*interface {}", path + "variations")
        if let list = try GoFieldDecoder.array(f["targeting"], "[]flag.Rule", path + "targeting") {
            var rules: [Rule] = []
            rules.reserveCapacity(list.count)
            for item in list { rules.append(try Rule(json: item, path: path + "targeting")) }
            self.rules = rules
        }
        bucketingKey = try GoFieldDecoder.string(f["bucketingKey"], path + "bucketingKey")
        if let d = f["defaultRule"], !d.isNull { defaultRule = try Rule(json: d, path: path + "defaultRule") }
        if let e = f["experimentation"] {
            experimentation = try Experimentation(json: e, path: path + "experimentation")
        }
        if let steps = try GoFieldDecoder.array(
            f["scheduledRollout"], "[]flag.ScheduledStep", path + "scheduledRollout")
        {
            var parsed: [ScheduledStep] = []
            for step in steps { parsed.append(try ScheduledStep(json: step, path: path + "scheduledRollout.")) }
            scheduledSteps = parsed
        }
        trackEvents = try GoFieldDecoder.bool(f["trackEvents"], path + "trackEvents")
        disable = try GoFieldDecoder.bool(f["disable"], path + "disable")
        version = try GoFieldDecoder.string(f["version"], path + "version")
        metadata = try GoFieldDecoder.object(f["metadata"], "map[string]interface {}", path + "metadata")
    }
}
