// SPDX-License-Identifier: Apache-2.0

import CCurl

/// One reusable libcurl easy handle and the response being collected on it.
///
/// Confined to the owner thread: created, configured, driven and destroyed there only. Not
/// `Sendable`, on purpose. libcurl's callbacks receive it through an unretained pointer; the owner
/// thread keeps it alive (in its active set) for as long as the handle is attached to the multi handle.
final class CurlEasyTransfer {
    /// The `CURL *` handle.
    let handle: UnsafeMutableRawPointer
    /// The request being served, or 0 when idle.
    var id: UInt64 = 0
    /// The header list of the current request; freed by ``recycle()``.
    var headerList: UnsafeMutablePointer<curl_slist>?
    /// Header fields of the latest response seen so far.
    var responseHeaders: [HTTPHeader] = []
    /// Body bytes received so far.
    var responseBody: [UInt8] = []
    /// libcurl's `CURLOPT_ERRORBUFFER`, `CURL_ERROR_SIZE` bytes, alive as long as the handle.
    let errorBuffer: UnsafeMutablePointer<CChar>

    /// Creates a handle, or returns `nil` when libcurl cannot allocate one.
    init?() {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(handle)
        if let headerList { curl_slist_free_all(headerList) }
        errorBuffer.deallocate()
    }

    /// The outcome of the finished transfer. Moves the body out without copying.
    func outcome(of code: CURLcode) -> Result<HTTPResponse, TransportError> {
        guard code == CURLE_OK else {
            return .failure(TransportError(curl: code, detail: String(cString: errorBuffer)))
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        let body = responseBody
        responseBody = []
        return .success(HTTPResponse(status: status, headers: responseHeaders, body: body))
    }

    /// Forgets the current request so that the handle can serve the next one. Connections live in
    /// the multi handle's cache, so they survive this.
    func recycle() {
        if let headerList {
            curl_slist_free_all(headerList)
            self.headerList = nil
        }
        curl_easy_reset(handle)
        id = 0
        responseHeaders = []
        responseBody = []
        errorBuffer[0] = 0
    }
}
