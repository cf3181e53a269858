// SPDX-License-Identifier: Apache-2.0

import Events

/// A change of the flags held by a ``FlagStore``: what was added, deleted and updated (flags compared by
/// their canonical JSON), with both snapshots.
public struct FlagChange: Sendable {
    /// The state before the change.
    public let previous: FlagSnapshot
    /// The state after the change.
    public let current: FlagSnapshot
    /// Keys present only after the change, in Go's map order.
    public let added: [String]
    /// Keys present only before the change, in Go's map order.
    public let deleted: [String]
    /// Keys whose canonical JSON changed, in Go's map order.
    public let updated: [String]

    /// `true` for the first flags a store ever installed (GOFF's `disableNotifierOnInit` skips notifiers
    /// for this one).
    public var isInitialLoad: Bool { previous.version == 0 }

    /// The change between two snapshots, or `nil` when their flags are identical.
    init?(from previous: FlagSnapshot, to current: FlagSnapshot) {
        let before = previous.flagJSON
        let after = current.flagJSON
        func sorted(_ keys: [String]) -> [String] {
            keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
        let added = sorted(after.keys.filter { before[$0] == nil })
        let deleted = sorted(before.keys.filter { after[$0] == nil })
        let updated = sorted(after.keys.filter { key in before[key].map { $0 != after[key] } ?? false })
        guard !(added.isEmpty && deleted.isEmpty && updated.isEmpty) else { return nil }
        self.previous = previous
        self.current = current
        self.added = added
        self.deleted = deleted
        self.updated = updated
    }

    /// The JSON GOFF pushes to websocket and SSE clients (its `DiffCache`), without a trailing newline:
    /// `{"deleted":{k:flag},"added":{k:flag},"updated":{k:{"old_value":flag,"new_value":flag}}}`.
    public func diffJSON() -> [UInt8] {
        var out: [UInt8] = Array(#"{"deleted":"#.utf8)
        out.append(contentsOf: FlagSnapshot.flagMap(deleted, previous.flagJSON))
        out.append(contentsOf: Array(#","added":"#.utf8))
        out.append(contentsOf: FlagSnapshot.flagMap(added, current.flagJSON))
        out.append(contentsOf: Array(#","updated":{"#.utf8))
        for (index, key) in updated.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            GoJSONEncoder.appendString(key, to: &out)
            out.append(contentsOf: Array(#":{"old_value":"#.utf8))
            out.append(contentsOf: previous.flagJSON[key] ?? Array("null".utf8))
            out.append(contentsOf: Array(#","new_value":"#.utf8))
            out.append(contentsOf: current.flagJSON[key] ?? Array("null".utf8))
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: Array("}}".utf8))
        return out
    }
}
