// SPDX-License-Identifier: Apache-2.0

/// A semantic version with blang/semver's strict parsing (`Make`) and precedence (build metadata ignored).
struct SemVer: Comparable {
    enum Identifier: Equatable {
        case number(UInt64)
        case text(String)
    }

    var major: UInt64
    var minor: UInt64
    var patch: UInt64
    var prerelease: [Identifier]

    init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let major = SemVer.number(parts[0]), let minor = SemVer.number(parts[1]) else {
            return nil
        }
        var patchText = parts[2]
        if let plus = patchText.firstIndex(of: "+") {
            let build = patchText[patchText.index(after: plus)...].split(
                separator: ".", omittingEmptySubsequences: false)
            for id in build where id.isEmpty || !id.utf8.allSatisfy(SemVer.isIdentifierByte) { return nil }
            patchText = patchText[..<plus]
        }
        var prerelease: [Identifier] = []
        if let dash = patchText.firstIndex(of: "-") {
            let ids = patchText[patchText.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false)
            for id in ids {
                guard !id.isEmpty else { return nil }
                if id.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                    guard id.count == 1 || id.first != "0", let n = UInt64(id) else { return nil }
                    prerelease.append(.number(n))
                } else {
                    guard id.utf8.allSatisfy(SemVer.isIdentifierByte) else { return nil }
                    prerelease.append(.text(String(id)))
                }
            }
            patchText = patchText[..<dash]
        }
        guard let patch = SemVer.number(patchText) else { return nil }
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
    }

    static func number(_ s: Substring) -> UInt64? {
        guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), s.count == 1 || s.first != "0" else {
            return nil
        }
        return UInt64(s)
    }

    static func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45
    }

    static func < (a: SemVer, b: SemVer) -> Bool { compare(a, b) < 0 }
    static func == (a: SemVer, b: SemVer) -> Bool { compare(a, b) == 0 }

    static func compare(_ a: SemVer, _ b: SemVer) -> Int {
        for (x, y) in [(a.major, b.major), (a.minor, b.minor), (a.patch, b.patch)] where x != y {
            return x < y ? -1 : 1
        }
        if a.prerelease.isEmpty || b.prerelease.isEmpty {
            if a.prerelease.isEmpty && b.prerelease.isEmpty { return 0 }
            return a.prerelease.isEmpty ? 1 : -1
        }
        for (x, y) in zip(a.prerelease, b.prerelease) {
            switch (x, y) {
            case (.number(let m), .number(let n)): if m != n { return m < n ? -1 : 1 }
            case (.number, .text): return -1
            case (.text, .number): return 1
            case (.text(let s), .text(let t)):
                if !s.utf8.elementsEqual(t.utf8) { return s.utf8.lexicographicallyPrecedes(t.utf8) ? -1 : 1 }
            }
        }
        if a.prerelease.count == b.prerelease.count { return 0 }
        return a.prerelease.count < b.prerelease.count ? -1 : 1
    }
}
