// SPDX-License-Identifier: Apache-2.0

/// Go's case-insensitive field-name matching (`strings.EqualFold` in mapstructure, `foldName` in
/// `encoding/json`): Unicode simple case folding. Against an ASCII name the only non-ASCII runes that match
/// are U+212A KELVIN SIGN (folds with `k`) and U+017F LATIN SMALL LETTER LONG S (folds with `s`).
enum GoFold {
    /// `strings.EqualFold(key, name)` for an ASCII `name`.
    static func equalFold(_ key: String, _ name: StaticString) -> Bool {
        var key = key
        return key.withUTF8 { equalFold(utf8: $0, name) }
    }

    static func equalFold(utf8 k: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount
        let nb = name.utf8Start
        var i = 0
        var j = 0
        while i < k.count {
            guard j < n else { return false }
            let expected = nb[j] | 0x20
            let isLetter = expected >= UInt8(ascii: "a") && expected <= UInt8(ascii: "z")
            let b = k[i]
            if b < 0x80 {
                guard b == nb[j] || (isLetter && b | 0x20 == expected) else { return false }
                i += 1
            } else if b == 0xE2, i + 2 < k.count, k[i + 1] == 0x84, k[i + 2] == 0xAA, expected == UInt8(ascii: "k") {
                i += 3
            } else if b == 0xC5, i + 1 < k.count, k[i + 1] == 0xBF, expected == UInt8(ascii: "s") {
                i += 2
            } else {
                return false
            }
            j += 1
        }
        return j == n
    }

    /// Byte equality of `key` and `name`.
    static func equalExact(_ key: String, _ name: StaticString) -> Bool {
        key.utf8.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }
}
