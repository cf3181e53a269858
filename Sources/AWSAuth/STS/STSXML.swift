// SPDX-License-Identifier: Apache-2.0

/// Reads the two STS answers we need out of their XML without a general XML parser: the text of
/// `Credentials/{AccessKeyId,SecretAccessKey,SessionToken,Expiration}` and of `Error/{Code,Message}`.
/// Elements may carry a namespace prefix and attributes; text is entity-decoded.
enum STSXML {
    /// The text inside the first `<name>…</name>` (any prefix) within `xml`, entity-decoded.
    static func text(of name: String, in xml: Substring) -> Substring? {
        guard let inner = element(name, in: xml) else { return nil }
        return Substring(decodeEntities(inner))
    }

    /// The raw content of the first element with this local name.
    static func element(_ name: String, in xml: Substring) -> Substring? {
        var rest = xml
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest[rest.index(after: open)...]
            guard let close = afterOpen.firstIndex(of: ">") else { return nil }
            let tag = afterOpen[..<close]
            let tagName = tag.prefix { !$0.isWhitespace && $0 != "/" }
            if localName(tagName) == name, !tag.hasPrefix("/") {
                let contentStart = afterOpen.index(after: close)
                if tag.hasSuffix("/") { return "" }
                let closing = "</\(tagName)>"
                guard let end = xml[contentStart...].firstRange(of: closing) else { return nil }
                return xml[contentStart..<end.lowerBound]
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        return nil
    }

    private static func localName(_ tagName: Substring) -> Substring {
        guard let colon = tagName.lastIndex(of: ":") else { return tagName }
        return tagName[tagName.index(after: colon)...]
    }

    /// Decodes `&lt; &gt; &amp; &quot; &apos;` and numeric references; strips a CDATA wrapper.
    static func decodeEntities(_ text: Substring) -> String {
        var text = text
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        if text.hasPrefix("<![CDATA["), text.hasSuffix("]]>") {
            return String(text.dropFirst(9).dropLast(3))
        }
        var result = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let afterAmp = rest[rest.index(after: amp)...]
            guard let semicolon = afterAmp.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = afterAmp
                continue
            }
            let entity = afterAmp[..<semicolon]
            if let character = character(for: entity) {
                result.append(character)
            } else {
                result += "&" + entity + ";"
            }
            rest = afterAmp[afterAmp.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func character(for entity: Substring) -> Character? {
        switch entity {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let digits = entity.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
