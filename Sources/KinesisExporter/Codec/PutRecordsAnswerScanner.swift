// SPDX-License-Identifier: Apache-2.0

/// A single-pass reader of the JSON body of a successful PutRecords answer:
/// `{"FailedRecordCount":n,"Records":[{"SequenceNumber":"…","ShardId":"…"} | {"ErrorCode":"…",
/// "ErrorMessage":"…"}, …],"EncryptionType":"…"}`.
///
/// Keys may come in any order and be repeated (the last one wins); unknown keys may hold any JSON value,
/// which is checked and skipped. Strings are unescaped (`\uXXXX` surrogate pairs included). The whole body
/// must be one valid JSON object: anything else, or a `Records` that is not an array of objects, is
/// malformed. Only the strings the result keeps are materialized.
struct PutRecordsAnswerScanner {
    /// The body is not the expected JSON.
    struct Malformed: Error {}

    /// The deepest nesting of skipped values accepted (a guard against stack exhaustion).
    static let maximumDepth = 64

    /// The body.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var index = 0
    /// The unescaped bytes of the last string read that had escapes (reused).
    var scratch: [UInt8] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The entries of `body`, in order.
    static func entries(of body: [UInt8]) throws(Malformed) -> [PutRecordsResult.Entry] {
        let result = body.withUnsafeBufferPointer { buffer -> Result<[PutRecordsResult.Entry], Malformed> in
            var scanner = PutRecordsAnswerScanner(buffer)
            do throws(Malformed) {
                return .success(try scanner.scanAnswer())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: - Structure

    private mutating func scanAnswer() throws(Malformed) -> [PutRecordsResult.Entry] {
        var records: [PutRecordsResult.Entry]?
        try scanObject { (scanner: inout PutRecordsAnswerScanner, key) throws(Malformed) in
            if key == .records {
                records = try scanner.scanRecords()
            } else {
                try scanner.skipValue(depth: 1)
            }
        }
        skipWhitespace()
        guard index == bytes.count, let records else { throw Malformed() }
        return records
    }

    private mutating func scanRecords() throws(Malformed) -> [PutRecordsResult.Entry] {
        skipWhitespace()
        try expect(UInt8(ascii: "["))
        var entries: [PutRecordsResult.Entry] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return entries
        }
        while true {
            entries.append(try scanEntry())
            skipWhitespace()
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"): return entries
            default: throw Malformed()
            }
        }
    }

    private mutating func scanEntry() throws(Malformed) -> PutRecordsResult.Entry {
        var sequence: String?
        var shard: String?
        var code: String?
        var message: String?
        try scanObject { (scanner: inout PutRecordsAnswerScanner, key) throws(Malformed) in
            switch key {
            case .sequenceNumber: sequence = try scanner.stringOrSkip()
            case .shardID: shard = try scanner.stringOrSkip()
            case .errorCode: code = try scanner.stringOrSkip()
            case .errorMessage: message = try scanner.stringOrSkip()
            case .records, .other: try scanner.skipValue(depth: 3)
            }
        }
        if let code, !code.isEmpty { return .failed(code: code, message: message ?? "") }
        if let sequence { return .stored(shardID: shard ?? "", sequenceNumber: sequence) }
        return .failed(code: "MalformedResponse", message: "result entry has neither SequenceNumber nor ErrorCode")
    }

    /// The keys the answer is read for.
    private enum Key {
        case records, sequenceNumber, shardID, errorCode, errorMessage, other
    }

    /// Reads an object, calling `member` with each key, positioned before its value.
    private mutating func scanObject(
        _ member: (inout PutRecordsAnswerScanner, Key) throws(Malformed) -> Void
    ) throws(Malformed) {
        skipWhitespace()
        try expect(UInt8(ascii: "{"))
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            let key = try scanKey()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            skipWhitespace()
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return
            default: throw Malformed()
            }
        }
    }

    private mutating func scanKey() throws(Malformed) -> Key {
        let token = try scanString()
        return withBytes(of: token) { raw in
            switch raw.count {
            case 7 where Self.matches(raw, "Records"): .records
            case 7 where Self.matches(raw, "ShardId"): .shardID
            case 9 where Self.matches(raw, "ErrorCode"): .errorCode
            case 12 where Self.matches(raw, "ErrorMessage"): .errorMessage
            case 14 where Self.matches(raw, "SequenceNumber"): .sequenceNumber
            default: .other
            }
        }
    }

    private static func matches(_ raw: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        guard raw.count == name.utf8CodeUnitCount else { return false }
        let literal = name.utf8Start
        for offset in 0..<raw.count where raw[offset] != literal[offset] { return false }
        return true
    }

    /// A string value, or `nil` after skipping a value of another type.
    private mutating func stringOrSkip() throws(Malformed) -> String? {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else {
            try skipValue(depth: 3)
            return nil
        }
        let token = try scanString()
        return withBytes(of: token) { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: - Values

    /// Checks and skips any JSON value.
    private mutating func skipValue(depth: Int) throws(Malformed) {
        guard depth <= Self.maximumDepth else { throw Malformed() }
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "\""):
            _ = try scanString()
        case UInt8(ascii: "{"):
            try scanObject { (scanner: inout PutRecordsAnswerScanner, _) throws(Malformed) in
                try scanner.skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "["):
            index += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                try skipValue(depth: depth + 1)
                skipWhitespace()
                switch try next() {
                case UInt8(ascii: ","): continue
                case UInt8(ascii: "]"): return
                default: throw Malformed()
                }
            }
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        default: try skipNumber()
        }
    }

    /// `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`
    private mutating func skipNumber() throws(Malformed) {
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else {
            try skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            try skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            try skipDigits()
        }
    }

    /// One or more digits.
    private mutating func skipDigits() throws(Malformed) {
        let start = index
        while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
        guard index > start else { throw Malformed() }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(Malformed) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count,
            Self.matches(UnsafeBufferPointer(rebasing: bytes[index..<index + count]), literal)
        else { throw Malformed() }
        index += count
    }

    // MARK: - Bytes

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    mutating func next() throws(Malformed) -> UInt8 {
        guard index < bytes.count else { throw Malformed() }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func expect(_ byte: UInt8) throws(Malformed) {
        guard try next() == byte else { throw Malformed() }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }
}
