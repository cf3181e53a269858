// SPDX-License-Identifier: Apache-2.0

import CCurl

extension CurlEasyTransfer {
    /// Installs the body and header callbacks; each receives this transfer as its user data.
    func installCallbacks() throws(TransportError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try check(ccurl_setopt_ptr(handle, CURLOPT_WRITEDATA, context))
        try check(ccurl_setopt_ptr(handle, CURLOPT_HEADERDATA, context))
        try check(
            ccurl_setopt_write_cb(handle) { data, size, count, context in
                let length = size * count
                guard let context, length > 0 else { return length }
                let transfer = Unmanaged<CurlEasyTransfer>.fromOpaque(context).takeUnretainedValue()
                transfer.responseBody.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
                return length
            })
        try check(
            ccurl_setopt_header_cb(handle) { data, size, count, context in
                let length = size * count
                guard let context, length > 0 else { return length }
                let transfer = Unmanaged<CurlEasyTransfer>.fromOpaque(context).takeUnretainedValue()
                transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
                return length
            })
    }

    /// Handles one raw header line as delivered by libcurl (CRLF included).
    ///
    /// A status line (`HTTP/…`) starts a new response: the headers of any interim response
    /// (`100 Continue`, `103 Early Hints`, a proxy's `CONNECT` answer) are dropped, so only the final
    /// response's fields remain. Obsolete line folding is joined onto the previous field.
    func receiveHeaderLine(_ raw: UnsafeRawBufferPointer) {
        var line = raw[...]
        while let last = line.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: "\n") {
            line = line.dropLast()
        }
        guard let first = line.first else { return }
        if line.starts(with: "HTTP/".utf8) {
            responseHeaders.removeAll(keepingCapacity: true)
            return
        }
        if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            guard !responseHeaders.isEmpty else { return }
            let continuation = Self.trimmed(line)
            responseHeaders[responseHeaders.count - 1].value += " " + String(decoding: continuation, as: UTF8.self)
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = String(decoding: line[..<colon], as: UTF8.self)
        let value = String(decoding: Self.trimmed(line[(colon + 1)...]), as: UTF8.self)
        responseHeaders.append(HTTPHeader(name: name, value: value))
    }

    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        var bytes = bytes
        while let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            bytes = bytes.dropFirst()
        }
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            bytes = bytes.dropLast()
        }
        return bytes
    }

    /// Throws when a `curl_easy_setopt` failed.
    func check(_ code: CURLcode) throws(TransportError) {
        guard code == CURLE_OK else {
            throw TransportError(curl: code, detail: "")
        }
    }
}
