// SPDX-License-Identifier: Apache-2.0

/// Decodes `{"meta": ..., "events": [...]}` into ``CollectorRequestParser/Request`` the way Go's
/// `json.Decoder.Decode(&CollectEvalDataRequest{})` does, in one pass.
struct RequestDecoder {
    var scanner: JSONScanner
    var request = CollectorRequestParser.Request(meta: nil, events: nil)
    /// The first type error, in document order (Go's `saveError` keeps the first one).
    var typeError: CollectorParseError?
    /// Go's slice backing store for `events`: a second `events` key decodes into the elements already there.
    var eventSlots: [JSONObject?] = []

    static let mapType = "map[string]interface {}"

    /// Decodes the first JSON value; the scanner must be at a non-whitespace byte.
    mutating func decodeTopLevel() throws(JSONParseError) {
        let c = scanner.bytes[scanner.pos]
        switch c {
        case UInt8(ascii: "{"):
            try decodeRequestObject()
        case UInt8(ascii: "["):
            let start = scanner.pos
            try scanner.skipValue()
            recordTypeError(value: "array", goType: "model.CollectEvalDataRequest", field: "", start: start)
        default:
            let start = scanner.pos
            let kind = Self.scalarKind(c)
            // Go's decoder stops at the end of the first value: whatever follows is never looked at.
            try scanner.skipValue()
            if kind != "null" {
                recordTypeError(value: kind, goType: "model.CollectEvalDataRequest", field: "", start: start)
            }
        }
    }

    static func scalarKind(_ c: UInt8) -> String {
        switch c {
        case UInt8(ascii: "\""): return "string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "bool"
        case UInt8(ascii: "n"): return "null"
        default: return "number"
        }
    }

    mutating func decodeRequestObject() throws(JSONParseError) {
        try scanner.enterContainer()
        scanner.pos += 1
        scanner.skipWhitespace()
        if try scanner.current() == UInt8(ascii: "}") {
            scanner.pos += 1
            scanner.depth -= 1
            return
        }
        while true {
            let key = try scanner.parseObjectKey()
            if GoFold.equalFold(key, "meta") {
                try decodeMeta()
            } else if GoFold.equalFold(key, "events") {
                try decodeEvents()
            } else {
                try scanner.skipValue()
            }
            if try scanner.endOfMember(closing: UInt8(ascii: "}"), context: "after object key:value pair") { break }
        }
        scanner.depth -= 1
    }

    /// `meta`: null resets the map, an object merges into it, anything else is a type error.
    mutating func decodeMeta() throws(JSONParseError) {
        let start = scanner.pos
        switch try scanner.current() {
        case UInt8(ascii: "n"):
            try scanner.expectLiteral("null")
            request.meta = nil
        case UInt8(ascii: "{"):
            let object = try scanner.parseObject()
            noteNumberOverflow(field: "meta")
            if request.meta == nil {
                request.meta = object
            } else {
                request.meta?.merge(object)
            }
        default:
            let kind = try skipNonObject()
            recordTypeError(value: kind, goType: Self.mapType, field: "meta", start: start)
        }
    }

    /// `events`: null resets the slice, an array decodes element by element into the existing backing store
    /// (as Go's decoder reuses a slice), anything else is a type error.
    mutating func decodeEvents() throws(JSONParseError) {
        let start = scanner.pos
        switch try scanner.current() {
        case UInt8(ascii: "n"):
            try scanner.expectLiteral("null")
            request.events = nil
            eventSlots = []
        case UInt8(ascii: "["):
            try scanner.enterContainer()
            scanner.pos += 1
            scanner.skipWhitespace()
            var count = 0
            if try scanner.current() == UInt8(ascii: "]") {
                scanner.pos += 1
            } else {
                while true {
                    try decodeEventEntry(at: count)
                    count += 1
                    if try scanner.endOfMember(closing: UInt8(ascii: "]"), context: "after array element") { break }
                }
            }
            scanner.depth -= 1
            if count == 0 { eventSlots = [] }
            request.events = Array(eventSlots[0..<count])
        case UInt8(ascii: "{"):
            try scanner.skipValue()
            recordTypeError(value: "object", goType: "[]" + Self.mapType, field: "events", start: start)
        default:
            let kind = try skipNonObject()
            recordTypeError(value: kind, goType: "[]" + Self.mapType, field: "events", start: start)
        }
    }

    mutating func decodeEventEntry(at index: Int) throws(JSONParseError) {
        if index == eventSlots.count { eventSlots.append(nil) }
        let start = scanner.pos
        switch try scanner.current() {
        case UInt8(ascii: "n"):
            try scanner.expectLiteral("null")
            eventSlots[index] = nil
        case UInt8(ascii: "{"):
            let object = try scanner.parseObject()
            noteNumberOverflow(field: "events")
            if eventSlots[index] == nil {
                eventSlots[index] = object
            } else {
                eventSlots[index]?.merge(object)
            }
        default:
            let kind = try skipNonObject()
            recordTypeError(value: kind, goType: Self.mapType, field: "events", start: start)
        }
    }

    /// Skips a value that is not an object or null and returns Go's word for its kind.
    mutating func skipNonObject() throws(JSONParseError) -> String {
        let c = try scanner.current()
        let kind = c == UInt8(ascii: "[") ? "array" : Self.scalarKind(c)
        try scanner.skipValue()
        return kind
    }

    mutating func recordTypeError(value: String, goType: String, field: String, start: Int) {
        guard typeError == nil else { return }
        let isContainer = value == "array" || value == "object"
        let goOffset = isContainer ? start + 1 : scanner.pos
        typeError = .typeMismatch(value: value, goType: goType, field: field, offset: start, goOffset: goOffset)
    }

    /// Turns a `float64` overflow seen while parsing a `meta`/`events` value into the request's type error.
    mutating func noteNumberOverflow(field: String) {
        guard let overflow = scanner.deferredError else { return }
        scanner.deferredError = nil
        guard typeError == nil else { return }
        let text = overflow.message.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        typeError = .typeMismatch(
            value: "number " + text, goType: "float64", field: field, offset: overflow.offset,
            goOffset: overflow.offset + text.utf8.count + 1)
    }
}
