// SPDX-License-Identifier: Apache-2.0

/// The line-by-line state machine behind ``ProfileFile/init(parsing:kind:)``.
struct ProfileFileParser {
    enum SectionKind: Hashable {
        case profile, services, ssoSession
    }

    struct SectionKey: Hashable {
        var kind: SectionKind
        var name: String
    }

    /// Where properties go: a section, `[profile default]` (kept apart), or nowhere (an ignored section).
    private enum Target {
        case section(SectionKey)
        case explicitDefault
        case ignored
    }

    let kind: ProfileFile.Kind
    private(set) var sections: [SectionKey: ProfileSection] = [:]
    private(set) var explicitDefaultProfile: ProfileSection?
    private(set) var warnings: [String] = []
    private var target: Target?
    /// The property that indented lines continue, and whether its value was empty (sub-properties).
    private var openProperty: (key: String, takesSubProperties: Bool)?

    init(kind: ProfileFile.Kind) {
        self.kind = kind
    }

    mutating func parse(_ text: String) {
        var body = Substring(text)
        if body.first == "\u{FEFF}" {
            body = body.dropFirst()
        }
        // Splitting on "\n" keeps a "\r" at the end of CRLF lines; "\r\n" is one Character, so split on scalars.
        let lines = body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, scalars) in lines.enumerated() {
            var line = Substring(Substring.UnicodeScalarView(scalars))
            if line.unicodeScalars.last == "\r" {
                line = Substring(line.unicodeScalars.dropLast())
            }
            parseLine(line, number: index + 1)
        }
    }

    private mutating func parseLine(_ line: Substring, number: Int) {
        let trimmed = line.trimmingBlanks()
        if trimmed.isEmpty || trimmed.first == "#" || trimmed.first == ";" {
            return
        }
        if line.first == " " || line.first == "\t", openProperty != nil {
            continueProperty(trimmed, number: number)
            return
        }
        openProperty = nil
        if trimmed.first == "[" {
            startSection(trimmed, number: number)
        } else {
            addProperty(trimmed, number: number)
        }
    }

    private mutating func startSection(_ line: Substring, number: Int) {
        guard let close = line.firstIndex(of: "]") else {
            warn(number, "a section header without ']' (section skipped)")
            target = .ignored
            return
        }
        let header = line[line.index(after: line.startIndex)..<close].trimmingBlanks()
        let words = header.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first else {
            warn(number, "an empty section name (section skipped)")
            target = .ignored
            return
        }
        switch (kind, words.count) {
        case (.credentials, 1):
            target = .section(SectionKey(kind: .profile, name: String(first)))
        case (.config, 1) where first == "default":
            target = .section(SectionKey(kind: .profile, name: "default"))
        case (.config, 2) where first == "profile" && words[1] == "default":
            target = .explicitDefault
            if explicitDefaultProfile == nil {
                explicitDefaultProfile = ProfileSection(name: "default")
            }
        case (.config, 2) where first == "profile":
            target = .section(SectionKey(kind: .profile, name: String(words[1])))
        case (.config, 2) where first == "services":
            target = .section(SectionKey(kind: .services, name: String(words[1])))
        case (.config, 2) where first == "sso-session":
            target = .section(SectionKey(kind: .ssoSession, name: String(words[1])))
        default:
            let expected =
                kind == .config ? "[profile name], [default], [services name] or [sso-session name]" : "[name]"
            warn(number, "a section header that is not \(expected) (section skipped)")
            target = .ignored
            return
        }
        if case .section(let key) = target, sections[key] == nil {
            sections[key] = ProfileSection(name: key.name)
        }
    }

    private mutating func addProperty(_ line: Substring, number: Int) {
        guard let target else {
            warn(number, "a property before any section (skipped)")
            return
        }
        guard let equals = line.firstIndex(of: "=") else {
            warn(number, "not a section, comment or key = value line (skipped)")
            return
        }
        let key = line[..<equals].trimmingBlanks().lowercased()
        guard !key.isEmpty, !key.contains(where: { $0 == " " || $0 == "\t" }) else {
            warn(number, "a property with an empty or blank-containing key (skipped)")
            return
        }
        let value = Self.removingComment(line[line.index(after: equals)...]).trimmingBlanks()
        update(target) { section in
            section.properties[key] = String(value)
            section.subProperties[key] = nil
        }
        openProperty = (key, value.isEmpty)
    }

    private mutating func continueProperty(_ line: Substring, number: Int) {
        guard let target, let (key, takesSubProperties) = openProperty else { return }
        if !takesSubProperties {
            update(target) { section in
                section.properties[key, default: ""] += "\n" + line
            }
            return
        }
        guard let equals = line.firstIndex(of: "=") else {
            warn(number, "an indented line that is not key = value under a property with an empty value (skipped)")
            return
        }
        let subKey = line[..<equals].trimmingBlanks().lowercased()
        guard !subKey.isEmpty else {
            warn(number, "a sub-property with an empty key (skipped)")
            return
        }
        let value = line[line.index(after: equals)...].trimmingBlanks()
        update(target) { section in
            section.subProperties[key, default: [:]][subKey] = String(value)
        }
    }

    private mutating func update(_ target: Target, _ change: (inout ProfileSection) -> Void) {
        switch target {
        case .section(let key):
            var section = sections[key] ?? ProfileSection(name: key.name)
            change(&section)
            sections[key] = section
        case .explicitDefault:
            var section = explicitDefaultProfile ?? ProfileSection(name: "default")
            change(&section)
            explicitDefaultProfile = section
        case .ignored:
            break
        }
    }

    private mutating func warn(_ number: Int, _ problem: String) {
        warnings.append("line \(number): \(problem)")
    }

    /// The value up to a `#` or `;` that follows a space or tab.
    private static func removingComment(_ value: Substring) -> Substring {
        var previous: Character = "="
        for index in value.indices {
            let character = value[index]
            if (character == "#" || character == ";") && (previous == " " || previous == "\t") {
                return value[..<index]
            }
            previous = character
        }
        return value
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    func trimmingBlanks() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" {
            result = result.dropFirst()
        }
        while let last = result.last, last == " " || last == "\t" {
            result = result.dropLast()
        }
        return result
    }
}
