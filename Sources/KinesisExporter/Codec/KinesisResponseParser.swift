// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Turns a raw PutRecords answer into a typed result or a ``KinesisServiceError``.
///
/// Understands Kinesis' JSON errors (`{"__type":"ns#Code","message":"…"}` and the `x-amzn-ErrorType`
/// header) and the IAM-style XML errors (`<Error><Code>…</Code><Message>…</Message></Error>`) that
/// some front ends, moto among them, answer with.
public enum KinesisResponseParser {
    /// Parses an answer to a PutRecords call of `expectedCount` records.
    ///
    /// A 200 answer is read by a single-pass byte scanner (see `PutRecordsAnswerScanner`); error answers,
    /// which are rare, by Foundation.
    ///
    /// A 200 whose `Records` count differs from `expectedCount` is a whole-call failure: records cannot
    /// be matched to results, so none is considered stored.
    public static func parsePutRecords(
        status: Int, headers: [(name: String, value: String)], body: [UInt8], expectedCount: Int
    ) -> Result<PutRecordsResult, KinesisServiceError> {
        let requestID = header("x-amzn-RequestId", in: headers)
        guard status == 200 else {
            return .failure(parseError(status: status, headers: headers, body: body))
        }
        let entries: [PutRecordsResult.Entry]
        do {
            entries = try PutRecordsAnswerScanner.entries(of: body)
        } catch {
            return .failure(
                KinesisServiceError(
                    status: status, code: "MalformedResponse",
                    message: "PutRecords answer is not the expected JSON: \(preview(body))", requestID: requestID))
        }
        guard entries.count == expectedCount else {
            return .failure(
                KinesisServiceError(
                    status: status, code: "MalformedResponse",
                    message: "PutRecords answered \(entries.count) results for \(expectedCount) records",
                    requestID: requestID))
        }
        return .success(PutRecordsResult(entries: entries))
    }

    /// Extracts the error code and message of a non-200 answer.
    public static func parseError(
        status: Int, headers: [(name: String, value: String)], body: [UInt8]
    ) -> KinesisServiceError {
        let requestID = header("x-amzn-RequestId", in: headers)
        var code = header("x-amzn-ErrorType", in: headers).map(normalizeCode)
        var message: String?
        if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] {
            if let type = object["__type"] as? String { code = code ?? normalizeCode(type) }
            if code == nil, let type = object["code"] as? String { code = type }
            message = (object["message"] ?? object["Message"]) as? String
        } else if let text = String(bytes: body, encoding: .utf8), text.contains("<Code>") {
            code = code ?? xmlElement("Code", in: text)
            message = xmlElement("Message", in: text)
        }
        return KinesisServiceError(
            status: status,
            code: code ?? "HTTP\(status)",
            message: message ?? preview(body),
            requestID: requestID)
    }

    /// Strips a `namespace#` prefix and a `:http://…` suffix from an AWS error type.
    static func normalizeCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        return code.trimmingCharacters(in: .whitespaces)
    }

    private static func xmlElement(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)>"),
            let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex)
        else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
    }

    private static func header(_ name: String, in headers: [(name: String, value: String)]) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    private static func preview(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return text.isEmpty ? "(empty body)" : text.replacingOccurrences(of: "\n", with: " ")
    }
}
