// SPDX-License-Identifier: Apache-2.0

extension Character {
    /// `unicode.IsSpace` (what `strings.TrimSpace` trims).
    var isGoSpace: Bool {
        unicodeScalars.allSatisfy {
            switch $0.value {
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true
            default:
                return false
            }
        }
    }
}
