// SPDX-License-Identifier: Apache-2.0

/// Go `strings` functions over UTF-8 bytes.
enum GoStrings {
    /// `strings.ToLower`: Unicode simple lower-case mapping, per code point.
    static func lower(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var ascii = true
        for b in s.utf8 {
            if b >= 0x80 {
                ascii = false
                break
            }
            out.append(b >= 65 && b <= 90 ? b | 0x20 : b)
        }
        if ascii { return out }
        out.removeAll(keepingCapacity: true)
        for scalar in s.unicodeScalars {
            let mapped: Unicode.Scalar
            if scalar.value == 0x130 {
                mapped = "i"
            } else {
                let lower = scalar.properties.lowercaseMapping.unicodeScalars
                mapped = lower.count == 1 ? lower.first ?? scalar : scalar
            }
            out.append(contentsOf: String(mapped).utf8)
        }
        return out
    }

    /// `strings.Contains` on bytes.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0] && haystack[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }
}
