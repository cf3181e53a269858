// SPDX-License-Identifier: Apache-2.0

/// Strict RFC 8259 parser producing ``JSONValue``s exactly as Go's `json.Unmarshal` into `interface{}` would:
/// numbers become `float64`, duplicate keys keep the last value, invalid UTF-8 and unpaired surrogate escapes
/// become U+FFFD. Errors carry Go's scanner wording and a byte offset.
///
/// Differences from Go, on purpose: nesting is limited to ``defaultMaxDepth`` (Go: 10,000) so that no recursion
/// (parsing, encoding, deallocation) can exhaust a thread's stack; input that ends inside a value always reports
/// `unexpected end of JSON input` (Go's `Unmarshal` sometimes words it as an invalid `' '`, e.g. for `tru`).
public struct JSONParser: Sendable {
    /// The default limit on nested arrays/objects.
    public static let defaultMaxDepth = 512

    /// Parses one JSON document; anything but whitespace after the value is an error.
    public static func parse(
        _ bytes: [UInt8],
        maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
            try parse(buffer: buffer, maxDepth: maxDepth)
        }
    }

    /// Parses one JSON document from raw memory (valid for the duration of the call).
    public static func parse(
        _ raw: UnsafeRawBufferPointer,
        maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue {
        try parse(buffer: raw.assumingMemoryBound(to: UInt8.self), maxDepth: maxDepth)
    }

    /// Parses one JSON document from the UTF-8 of `text`.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    static func parse(buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws(JSONParseError) -> JSONValue {
        var scanner = JSONScanner(bytes: buffer, maxDepth: maxDepth)
        scanner.skipWhitespace()
        let value = try scanner.parseValue()
        scanner.skipWhitespace()
        if !scanner.isAtEnd {
            throw .invalidCharacter(buffer[scanner.pos], at: scanner.pos, "after top-level value")
        }
        if let deferred = scanner.deferredError { throw deferred }
        return value
    }
}
