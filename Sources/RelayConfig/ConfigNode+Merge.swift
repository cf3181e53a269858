// SPDX-License-Identifier: Apache-2.0

/// One step of a path into a ``ConfigNode`` tree.
enum ConfigPathComponent: Hashable {
    /// A mapping key (matched ignoring case, exact match preferred).
    case key(String)
    /// A list index.
    case index(Int)
}

extension ConfigNode {
    /// Replaces the value at `path` by `value`, creating mappings and lists on the way. Missing list
    /// elements before `index` become empty mappings (which later fail validation, as in GOFF); a
    /// scalar or mapping found where a list is needed becomes a list. New nodes take `origin`.
    mutating func set(_ value: ConfigNode, at path: ArraySlice<ConfigPathComponent>, origin: ConfigOrigin) {
        guard let first = path.first else {
            self = value
            return
        }
        let rest = path.dropFirst()
        switch first {
        case .key(let key):
            var entries = self.entries ?? []
            if self.entries == nil { self = .emptyMap(origin: origin) }
            if let position = Self.position(of: key, in: entries) {
                entries[position].value.set(value, at: rest, origin: origin)
            } else {
                var child = ConfigNode.emptyMap(origin: origin)
                child.set(value, at: rest, origin: origin)
                entries.append(ConfigEntry(key: key, keyOrigin: origin, value: child))
            }
            self.value = .map(entries)
        case .index(let index):
            var elements: [ConfigNode]
            switch self.value {
            case .list(let list): elements = list
            case .map(let entries) where !entries.isEmpty: elements = [self]
            default: elements = []
            }
            if list == nil { self = ConfigNode(.list([]), origin: origin) }
            while elements.count <= index { elements.append(.emptyMap(origin: origin)) }
            elements[index].set(value, at: rest, origin: origin)
            self.value = .list(elements)
        }
    }

    /// Index of the entry `key` designates: exact match first, then the first case-insensitive one.
    static func position(of key: String, in entries: [ConfigEntry]) -> Int? {
        if let exact = entries.firstIndex(where: { $0.key == key }) { return exact }
        let lowered = key.lowercased()
        return entries.firstIndex { $0.key.lowercased() == lowered }
    }
}
