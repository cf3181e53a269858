// SPDX-License-Identifier: Apache-2.0

import Events

/// UTF-8 bytes of `s`.
func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

/// The encoding of `value`, as text.
func goJSON(_ value: JSONValue) -> String {
    String(decoding: GoJSONEncoder().encode(value), as: UTF8.self)
}

/// Parses `bytes` and returns the error, or nil when it parsed.
func parseError(_ bytes: [UInt8]) -> JSONParseError? {
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}

/// Parses a collector body and returns the error, or nil when it parsed.
func collectorError(_ body: String) -> CollectorParseError? {
    do {
        _ = try CollectorRequestParser.parse(utf8(body))
        return nil
    } catch {
        return error
    }
}

/// The JSON text of every event of a batch.
func records(_ batch: CollectorBatch) -> [String] {
    batch.events.map { String(decoding: $0.jsonBytes(), as: UTF8.self) }
}
