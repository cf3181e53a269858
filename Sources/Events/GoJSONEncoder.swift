// SPDX-License-Identifier: Apache-2.0

/// Writes JSON byte-for-byte as Go's `encoding/json.Marshal` (Go 1.22 or later) does.
///
/// - Strings: `"` and `\` backslash-escaped; `\b` `\f` `\n` `\r` `\t` short forms; other control bytes as
///   `\u00XX` (lowercase hex); `<` `>` `&` as `\u003c` `\u003e` `\u0026` (HTML-safe); U+2028/U+2029 as
///   `\u2028`/`\u2029`; everything else verbatim (Swift strings are valid UTF-8, so no U+FFFD is needed here).
/// - Objects: keys sorted by their UTF-8 bytes, as for a Go `map[string]interface{}`.
/// - Numbers: as Go formats a `float64` (see ``appendFloat(_:to:)``).
///
/// Go refuses to marshal NaN and infinities; a parsed ``JSONValue`` never holds one, and this encoder writes
/// `null` for them instead of failing.
public struct GoJSONEncoder: Sendable {
    /// Creates an encoder (it has no state; the static functions can be used directly).
    public init() {}

    /// The encoding of `value`.
    public func encode(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        Self.append(value, to: &out)
        return out
    }

    /// Appends the encoding of `value` to `out`.
    public static func append(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null:
            appendRaw("null", to: &out)
        case .bool(let b):
            appendRaw(b ? "true" : "false", to: &out)
        case .number(let d):
            appendFloat(d, to: &out)
        case .string(let s):
            appendString(s, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            appendObject(object, to: &out)
        }
    }

    /// Appends `object` with its keys sorted by UTF-8 bytes (Go's order for map keys).
    public static func appendObject(_ object: JSONObject, to out: inout [UInt8]) {
        let members = object.members
        out.append(UInt8(ascii: "{"))
        if members.count == 1 {
            appendString(members[0].key, to: &out)
            out.append(UInt8(ascii: ":"))
            append(members[0].value, to: &out)
        } else if members.count > 1 {
            let order = object.sortedOrder()
            for (n, i) in order.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                appendString(members[i].key, to: &out)
                out.append(UInt8(ascii: ":"))
                append(members[i].value, to: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Appends `s` as a quoted JSON string with Go's escaping.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendString(utf8: $0, to: &out) }
    }

    /// Appends the UTF-8 bytes `utf8` as a quoted JSON string with Go's escaping; invalid UTF-8 is written
    /// as `\ufffd`, one per byte that does not start a valid sequence, as Go does.
    public static func appendString(utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b < 0x80 {
                if !needsEscape(b) {
                    i += 1
                    continue
                }
                flush(utf8, runStart, i, &out)
                appendEscaped(b, to: &out)
                i += 1
                runStart = i
                continue
            }
            let length = validUTF8Length(utf8, i)
            if length == 0 {
                flush(utf8, runStart, i, &out)
                appendRaw("\\ufffd", to: &out)
                i += 1
                runStart = i
            } else if length == 3, b == 0xE2, utf8[i + 1] == 0x80, utf8[i + 2] & 0xFE == 0xA8 {
                flush(utf8, runStart, i, &out)
                appendRaw(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", to: &out)
                i += 3
                runStart = i
            } else {
                i += length
            }
        }
        flush(utf8, runStart, n, &out)
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func flush(_ utf8: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ out: inout [UInt8]) {
        if to > from { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[from..<to])) }
    }

    @inline(__always)
    private static func needsEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == UInt8(ascii: "<")
            || b == UInt8(ascii: ">") || b == UInt8(ascii: "&")
    }

    private static func appendEscaped(_ b: UInt8, to out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            out.append(UInt8(ascii: "\\"))
            out.append(b)
        case 0x08: appendRaw("\\b", to: &out)
        case 0x0C: appendRaw("\\f", to: &out)
        case 0x0A: appendRaw("\\n", to: &out)
        case 0x0D: appendRaw("\\r", to: &out)
        case 0x09: appendRaw("\\t", to: &out)
        default:
            let hex: StaticString = "0123456789abcdef"
            appendRaw("\\u00", to: &out)
            out.append(hex.utf8Start[Int(b >> 4)])
            out.append(hex.utf8Start[Int(b & 0xF)])
        }
    }

    /// Length of the valid UTF-8 sequence at `i`, or 0 where Go's `utf8.DecodeRune` reports an error.
    @inline(__always)
    private static func validUTF8Length(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let remaining = s.count - i
        @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            k < remaining && (lo...hi).contains(s[i + k])
        }
        switch s[i] {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// Appends the bytes of a static ASCII string.
    @inline(__always)
    static func appendRaw(_ s: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
}
