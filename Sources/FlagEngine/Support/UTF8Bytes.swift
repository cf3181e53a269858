// SPDX-License-Identifier: Apache-2.0

/// Byte-wise (Go) string comparisons that neither allocate nor copy.
enum UTF8Bytes {
    /// `true` when `a` and `b` have the same UTF-8 bytes.
    static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in same(pa, pb) }
        }
        if let fast, let result = fast { return result }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// `true` when the UTF-8 bytes of `a` are `b`.
    static func equal(_ a: String, _ b: [UInt8]) -> Bool {
        guard a.utf8.count == b.count else { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { pa in
            b.withUnsafeBufferPointer { pb in same(pa, pb) }
        }
        return fast ?? a.utf8.elementsEqual(b)
    }
}

extension UTF8Bytes {
    /// `true` when both buffers hold the same bytes.
    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var i = 0
        while i < a.count {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }
}
