// SPDX-License-Identifier: Apache-2.0

/// An HTTP request as the SigV4 test suite writes it in `request.txt`.
struct SuiteRequest {
    var method: String
    var path: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// Parses `METHOD PATH HTTP/1.1`, header lines (a line starting with a space or tab continues
    /// the previous value, kept with its line break), a blank line, then the body.
    init(parsing bytes: [UInt8]) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let requestLine = lines.popFirst(), let firstSpace = requestLine.firstIndex(of: " "),
            let version = requestLine.lastRange(of: " HTTP/")
        else { throw SuiteError("bad request line in \(text)") }
        method = String(requestLine[..<firstSpace])
        path = String(requestLine[requestLine.index(after: firstSpace)..<version.lowerBound])
        headers = []
        while let line = lines.popFirst(), !line.isEmpty {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            } else {
                throw SuiteError("bad header line \(line)")
            }
        }
        body = Array(lines.joined(separator: "\n").utf8)
    }
}

/// A fixture that could not be read or parsed.
struct SuiteError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension Substring {
    fileprivate func lastRange(of needle: String) -> Range<Index>? {
        var found: Range<Index>?
        var searchStart = startIndex
        while let range = self[searchStart...].firstRange(of: needle) {
            found = range
            searchStart = index(after: range.lowerBound)
        }
        return found
    }
}
