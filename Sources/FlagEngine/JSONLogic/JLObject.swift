// SPDX-License-Identifier: Apache-2.0

import Events

/// A Go `map[string]any` (keys unique; order only matters where Go's is random anyway).
struct JLObject: Sendable {
    private(set) var keys: [String]
    private(set) var values: [JLValue]

    init(_ o: JSONObject) {
        keys = o.members.map(\.key)
        values = o.members.map { JLValue($0.value) }
    }

    init(keys: [String], values: [JLValue]) {
        self.keys = keys
        self.values = values
    }

    init(members: [(key: String, value: JLValue)]) {
        keys = members.map(\.key)
        values = members.map(\.value)
    }

    /// Key/value pairs in order.
    var members: [(key: String, value: JLValue)] { Array(zip(keys, values)) }

    var count: Int { keys.count }

    subscript(key: String) -> JLValue? {
        get {
            guard let i = keys.firstIndex(where: { $0.utf8.elementsEqual(key.utf8) }) else { return nil }
            return values[i]
        }
        set {
            if let i = keys.firstIndex(where: { $0.utf8.elementsEqual(key.utf8) }) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }
}
