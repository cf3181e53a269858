// SPDX-License-Identifier: Apache-2.0

import Events

/// An experimentation window: outside `[start, end]` the flag evaluates as DISABLED.
public struct Experimentation: Sendable {
    /// Window start (inclusive).
    public var start: Timestamp?
    /// Window end (inclusive).
    public var end: Timestamp?

    /// Creates a window.
    public init(start: Timestamp? = nil, end: Timestamp? = nil) {
        self.start = start
        self.end = end
    }

    /// GOFF's `isExperimentationOver` for the evaluation date.
    func isOver(at date: Timestamp) -> Bool {
        if let start, date < start { return true }
        if let end, end < date { return true }
        return false
    }

    init?(json: JSONValue, path: String) throws(FlagParseError) {
        guard let o = try GoFieldDecoder.object(json, "flag.ExperimentationRollout", path) else { return nil }
        let f = GoFieldDecoder.fields(o, names: ["start", "end"])
        start = try GoFieldDecoder.date(f["start"], path + ".start")
        end = try GoFieldDecoder.date(f["end"], path + ".end")
    }
}
