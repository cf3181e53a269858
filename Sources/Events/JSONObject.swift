// SPDX-License-Identifier: Apache-2.0

/// A JSON object as Go's `map[string]interface{}` holds it: unique keys (compared by UTF-8 bytes, as Go
/// compares strings), kept here in insertion order. ``GoJSONEncoder`` writes the keys sorted by bytes, as Go does.
public struct JSONObject: Sendable {
    /// One key/value pair.
    public struct Member: Sendable, Equatable {
        /// The key.
        public var key: String
        /// The value.
        public var value: JSONValue

        /// Creates a member.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }

        /// Byte-wise key comparison and structural value comparison.
        public static func == (lhs: Member, rhs: Member) -> Bool {
            lhs.key.utf8.elementsEqual(rhs.key.utf8) && lhs.value == rhs.value
        }
    }

    /// The members in insertion order; keys are unique.
    public private(set) var members: [Member] {
        didSet { cachedSortedOrder = nil }
    }

    /// Indices of ``members`` sorted by key bytes, kept by ``prepareForRepeatedEncoding()``.
    private(set) var cachedSortedOrder: [Int]?

    /// Creates an empty object.
    public init() {
        members = []
    }

    /// Creates an object from pairs in order; a repeated key replaces the earlier value in place
    /// (Go keeps the last value of a duplicated key).
    public init(_ pairs: [(String, JSONValue)]) {
        members = []
        members.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            self[key] = value
        }
    }

    /// Creates an object from members that are already known to have unique keys.
    init(uniqueMembers: [Member]) {
        members = uniqueMembers
    }

    /// Number of keys.
    public var count: Int { members.count }

    /// `true` when the object has no keys.
    public var isEmpty: Bool { members.isEmpty }

    /// The keys in insertion order.
    public var keys: [String] { members.map(\.key) }

    /// The value for `key` (exact byte match, as a Go map lookup); setting `nil` removes the key,
    /// setting a value replaces it in place or appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let i = index(forKey: key) else { return nil }
            return members[i].value
        }
        set {
            if let i = index(forKey: key) {
                if let newValue {
                    members[i].value = newValue
                } else {
                    members.remove(at: i)
                }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// Sets every key of `other` in this object, as Go's decoder does when it decodes a JSON object into an
    /// already allocated map (existing keys are overwritten, new keys appended).
    public mutating func merge(_ other: JSONObject) {
        if members.isEmpty {
            members = other.members
            return
        }
        for member in other.members {
            self[member.key] = member.value
        }
    }

    /// Sorts the keys once for ``GoJSONEncoder`` (which writes them in byte order) and keeps that order until
    /// the object is next modified: worth it for an object encoded many times, such as a collector request's
    /// `meta`, which every feature event of the request carries.
    public mutating func prepareForRepeatedEncoding() {
        guard members.count > 1, cachedSortedOrder == nil else { return }
        cachedSortedOrder = sortedOrder()
    }

    /// Indices of ``members`` sorted by key bytes (Go's map key order).
    func sortedOrder() -> [Int] {
        if let cachedSortedOrder { return cachedSortedOrder }
        let members = self.members
        return members.indices.sorted { members[$0].key.utf8.lexicographicallyPrecedes(members[$1].key.utf8) }
    }

    /// Position of `key` in ``members`` (byte-wise comparison).
    func index(forKey key: String) -> Int? {
        var key = key
        return key.withUTF8 { k in
            for i in members.indices {
                var candidate = members[i].key
                if candidate.utf8.count == k.count, candidate.withUTF8({ $0.elementsEqual(k) }) {
                    return i
                }
            }
            return nil
        }
    }
}

extension JSONObject: Equatable {
    /// Map equality: same key set (byte-wise) and equal values, whatever the order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for member in lhs.members {
            guard let other = rhs[member.key], other == member.value else { return false }
        }
        return true
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object in literal order; a repeated key replaces the earlier value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}

/// A `String` wrapper hashed and compared by UTF-8 bytes (Go string semantics), for Go-map-like lookups.
struct GoStringKey: Hashable {
    let string: String

    static func == (lhs: GoStringKey, rhs: GoStringKey) -> Bool {
        lhs.string.utf8.elementsEqual(rhs.string.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
