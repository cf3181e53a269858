// SPDX-License-Identifier: Apache-2.0

import Events

/// The flags of one configuration: flag key → the flag as raw JSON, in the order the keys were first seen.
///
/// Lookups are by dictionary; ``keys`` keeps the declaration order (the first file that declared a key
/// fixes its position, a later override replaces the value in place). Encoders that need Go's map order
/// use ``sortedKeys``.
public struct FlagSet: Sendable, Equatable {
    /// The flag keys in declaration order.
    public private(set) var keys: [String]
    private var values: [String: JSONValue]

    /// Creates an empty set.
    public init() {
        keys = []
        values = [:]
    }

    /// Creates a set from pairs in order; a repeated key replaces the earlier value in place.
    /// - Parameter pairs: Flag keys and their raw flags.
    public init(_ pairs: [(String, JSONValue)]) {
        self.init()
        for (key, flag) in pairs {
            self[key] = flag
        }
    }

    /// The number of flags.
    public var count: Int { keys.count }

    /// `true` when the set holds no flag.
    public var isEmpty: Bool { keys.isEmpty }

    /// The flag keys sorted by their UTF-8 bytes, the order in which Go writes the keys of a map.
    public var sortedKeys: [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The raw flag for `key`; setting `nil` removes the key, setting a value replaces it in place or
    /// appends the key.
    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Sets every flag of `other` in this set, as GOFF merges the results of its retrievers: a key that
    /// `other` also defines takes `other`'s flag.
    /// - Parameter other: The set declared later.
    public mutating func merge(_ other: FlagSet) {
        for key in other.keys {
            self[key] = other.values[key]
        }
    }

    /// Map equality: the same keys with equal flags, whatever their order.
    public static func == (lhs: FlagSet, rhs: FlagSet) -> Bool {
        lhs.values == rhs.values
    }
}

extension FlagSet: Sequence {
    /// Iterates over `(key, flag)` pairs in declaration order.
    public func makeIterator() -> AnyIterator<(key: String, flag: JSONValue)> {
        var index = 0
        let keys = self.keys
        let values = self.values
        return AnyIterator {
            while index < keys.count {
                let key = keys[index]
                index += 1
                if let flag = values[key] { return (key, flag) }
            }
            return nil
        }
    }
}

extension FlagSet: ExpressibleByDictionaryLiteral {
    /// Creates a set in literal order; a repeated key replaces the earlier value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
