// SPDX-License-Identifier: Apache-2.0

import Events

/// One step of a scheduled rollout: from `date` on, its fields are merged into the flag.
public struct ScheduledStep: Sendable {
    /// When the step applies (a step without a date never applies).
    public var date: Timestamp?
    /// The flag fields the step changes.
    public var fields: FlagFields

    init(json: JSONValue, path: String) throws(FlagParseError) {
        guard let o = try GoFieldDecoder.object(json, "flag.ScheduledStep", path) else {
            date = nil
            fields = FlagFields()
            return
        }
        let f = GoFieldDecoder.fields(o, names: FlagFields.fieldNames + ["date"])
        fields = try FlagFields(fields: f, path: path)
        date = try GoFieldDecoder.date(f["date"], path + "date")
    }

    var requiresBucketing: Bool {
        (fields.defaultRule?.requiresBucketing ?? false) || (fields.rules ?? []).contains { $0.requiresBucketing }
    }
}
