// SPDX-License-Identifier: Apache-2.0

extension NikunjyOperations {
    /// `compareStrings(op, strings.ToLower(l), r)` with `r` already lower-cased; an ASCII `l` is lower-cased on
    /// the fly, without allocating.
    static func compareLowered(_ op: NikunjyOperator, _ l: String, _ r: [UInt8]) -> Bool {
        let fast = l.utf8.withContiguousStorageIfAvailable { lb -> Bool? in
            for b in lb where b >= 0x80 { return nil }
            return r.withUnsafeBufferPointer { rb in compareASCII(op, lb, rb) }
        }
        if let fast, let result = fast { return result }
        return compareStrings(op, GoStrings.lower(l), r)
    }

    /// ASCII lower-casing (what `strings.ToLower` does to ASCII text).
    @inline(__always)
    static func lowerASCII(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }

    /// `true` when `l` lower-cased, from `offset` on, starts with `r`.
    static func matchesAt(_ l: UnsafeBufferPointer<UInt8>, _ offset: Int, _ r: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in 0..<r.count where lowerASCII(l[offset + k]) != r[k] { return false }
        return true
    }

    /// The byte-wise ordering of `l` lower-cased against `r`: negative, zero or positive.
    static func order(_ l: UnsafeBufferPointer<UInt8>, _ r: UnsafeBufferPointer<UInt8>) -> Int {
        for k in 0..<min(l.count, r.count) {
            let a = lowerASCII(l[k])
            if a != r[k] { return a < r[k] ? -1 : 1 }
        }
        return l.count == r.count ? 0 : (l.count < r.count ? -1 : 1)
    }

    /// ``compareStrings(_:_:_:)`` for an ASCII `l` lower-cased on the fly.
    static func compareASCII(
        _ op: NikunjyOperator, _ l: UnsafeBufferPointer<UInt8>, _ r: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        switch op {
        case .eq: return l.count == r.count && matchesAt(l, 0, r)
        case .ne: return !(l.count == r.count && matchesAt(l, 0, r))
        case .gt: return order(l, r) > 0
        case .lt: return order(l, r) < 0
        case .ge: return order(l, r) >= 0
        case .le: return order(l, r) <= 0
        case .co:
            if r.isEmpty { return true }
            guard l.count >= r.count else { return false }
            for start in 0...(l.count - r.count) where matchesAt(l, start, r) { return true }
            return false
        case .sw: return l.count >= r.count && matchesAt(l, 0, r)
        case .ew: return l.count >= r.count && matchesAt(l, l.count - r.count, r)
        case .in: return false
        }
    }
}
