// SPDX-License-Identifier: Apache-2.0

import CCurl

extension CurlEasyTransfer {
    /// Configures the (freshly recycled) handle for `request`.
    ///
    /// Every option is set again for every request: ``recycle()`` resets the handle to libcurl's defaults.
    /// No proxy option is set, so libcurl applies `http_proxy`, `HTTPS_PROXY`/`https_proxy`,
    /// `ALL_PROXY`/`all_proxy` and `NO_PROXY`/`no_proxy` from the environment (an uppercase
    /// `HTTP_PROXY` is deliberately ignored by libcurl).
    func prepare(
        id: UInt64, request: HTTPRequest, configuration: CurlHTTPClient.Configuration
    ) throws(TransportError) {
        self.id = id
        try Self.validate(request)
        try check(ccurl_setopt_ptr(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try installCallbacks()
        try setString(CURLOPT_URL, request.url)
        try setString(CURLOPT_PROTOCOLS_STR, "http,https")
        try setLong(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        try setLong(CURLOPT_NOSIGNAL, 1)
        try setLong(CURLOPT_FOLLOWLOCATION, 0)
        try setLong(CURLOPT_SSL_VERIFYPEER, 1)
        try setLong(CURLOPT_SSL_VERIFYHOST, 2)
        try check(ccurl_setopt_cstr(handle, CURLOPT_ACCEPT_ENCODING, nil))
        try setLong(CURLOPT_HTTP_CONTENT_DECODING, 0)
        try setLong(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.curlMilliseconds)
        try setLong(CURLOPT_TIMEOUT_MS, (request.timeout ?? configuration.requestTimeout).curlMilliseconds)
        if let interval = configuration.tcpKeepAliveInterval {
            try setLong(CURLOPT_TCP_KEEPALIVE, 1)
            try setLong(CURLOPT_TCP_KEEPIDLE, interval.curlSeconds)
            try setLong(CURLOPT_TCP_KEEPINTVL, interval.curlSeconds)
        }
        if !configuration.keepAlive {
            try setLong(CURLOPT_FORBID_REUSE, 1)
            try setLong(CURLOPT_FRESH_CONNECT, 1)
        }
        if let userAgent = configuration.userAgent {
            try setString(CURLOPT_USERAGENT, userAgent)
        }
        let sendsBody = try setMethod(request)
        try setHeaders(request.headers, sendsBody: sendsBody)
    }

    /// Sets the method and body; returns whether a request body (possibly empty) is sent.
    private func setMethod(_ request: HTTPRequest) throws(TransportError) -> Bool {
        let method = request.method
        if request.body.isEmpty {
            switch method {
            case "GET":
                try setLong(CURLOPT_HTTPGET, 1)
                return false
            case "HEAD":
                try setLong(CURLOPT_NOBODY, 1)
                return false
            case "POST", "PUT", "PATCH":
                break
            default:
                try setLong(CURLOPT_HTTPGET, 1)
                try setString(CURLOPT_CUSTOMREQUEST, method)
                return false
            }
        }
        try setLong(CURLOPT_POST, 1)
        try check(ccurl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)))
        // COPYPOSTFIELDS copies `POSTFIELDSIZE` bytes now, so the array need not outlive this call.
        let code = request.body.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else {
                return ccurl_setopt_cstr(handle, CURLOPT_COPYPOSTFIELDS, "")
            }
            return ccurl_setopt_ptr(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
        }
        try check(code)
        if method != "POST" {
            try setString(CURLOPT_CUSTOMREQUEST, method)
        }
        return true
    }

    /// Builds the header list: the caller's fields, then removals of libcurl's `Expect: 100-continue`
    /// and, for a body, of its default form `Content-Type`, unless the caller set those fields.
    private func setHeaders(_ headers: [HTTPHeader], sendsBody: Bool) throws(TransportError) {
        var lines: [String] = headers.map { header in
            // libcurl drops "Name:" (no value); "Name;" is its spelling of an empty field.
            header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
        }
        let names = Set(headers.map { $0.name.lowercased() })
        if !names.contains("expect") {
            lines.append("Expect:")
        }
        if sendsBody && !names.contains("content-type") {
            lines.append("Content-Type:")
        }
        for line in lines {
            guard let list = curl_slist_append(headerList, line) else {
                throw TransportError(code: .other, message: "out of memory building the header list")
            }
            headerList = list
        }
        try check(ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))
    }

    private func setLong(_ option: CURLoption, _ value: Int) throws(TransportError) {
        try check(ccurl_setopt_long(handle, option, value))
    }

    private func setString(_ option: CURLoption, _ value: String) throws(TransportError) {
        try check(value.withCString { ccurl_setopt_cstr(handle, option, $0) })
    }

    /// Rejects methods and header fields that would corrupt the request line or header block.
    static func validate(_ request: HTTPRequest) throws(TransportError) {
        guard isToken(request.method) else {
            throw TransportError(code: .invalidRequest, message: "invalid method \"\(request.method)\"")
        }
        guard !request.url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
            throw TransportError(code: .invalidRequest, message: "URL contains spaces or control characters")
        }
        for header in request.headers {
            guard isToken(header.name) else {
                throw TransportError(code: .invalidRequest, message: "invalid header name \"\(header.name)\"")
            }
            guard !header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) else {
                throw TransportError(code: .invalidRequest, message: "header \(header.name) contains CR, LF or NUL")
            }
        }
    }

    /// RFC 9110 `token`: one or more `tchar`.
    private static func isToken(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"):
                    return true
                default:
                    return "!#$%&'*+-.^_`|~".utf8.contains(byte)
                }
            }
    }
}
