// SPDX-License-Identifier: Apache-2.0

import CCurl

/// The process-wide `curl_global_init`, run exactly once.
enum CurlGlobal {
    /// The result of `curl_global_init(CURL_GLOBAL_ALL)`, as a raw `CURLcode`.
    ///
    /// A `static let` is initialised lazily on first access, exactly once, under the runtime's
    /// `swift_once` lock, so concurrent first uses from several threads are safe. It is never
    /// balanced by `curl_global_cleanup`: clients may exist until the process exits.
    private static let initResult: UInt32 = curl_global_init(Int(CURL_GLOBAL_ALL)).rawValue

    /// `nil` when libcurl is initialised, otherwise the error to fail every request with.
    static var initializationError: TransportError? {
        let code = CURLcode(rawValue: initResult)
        guard code != CURLE_OK else { return nil }
        return TransportError(curl: code, detail: "curl_global_init failed")
    }
}
