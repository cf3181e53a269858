// SPDX-License-Identifier: Apache-2.0

import CCurl

extension TransportError {
    /// The error for a transfer that libcurl finished with `code`.
    /// - Parameters:
    ///   - code: The transfer's result; never `CURLE_OK`.
    ///   - detail: libcurl's error buffer; when empty, `curl_easy_strerror` is used instead.
    init(curl code: CURLcode, detail: String) {
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        self.init(code: Self.category(of: code), curlCode: Int(code.rawValue), message: text)
    }

    /// The error for a failed multi-handle call.
    init(multi code: CURLMcode, operation: String) {
        let text = "\(operation): \(String(cString: curl_multi_strerror(code)))"
        self.init(code: .other, curlCode: Int(code.rawValue), message: text)
    }

    /// Failed before any byte was exchanged because the client is shut down.
    static let clientShutdown = TransportError(code: .shutdown, message: "the HTTP client was shut down")

    /// Abandoned because the awaiting task was cancelled.
    static let taskCancelled = TransportError(code: .cancelled, message: "the awaiting task was cancelled")

    /// Maps a libcurl result to a category.
    static func category(of code: CURLcode) -> Code {
        switch code {
        case CURLE_COULDNT_CONNECT:
            return .connectFailed
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .resolveFailed
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            return .tls
        case CURLE_SEND_ERROR:
            return .sendFailed
        case CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            return .receiveFailed
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_BAD_FUNCTION_ARGUMENT:
            return .invalidRequest
        default:
            return .other
        }
    }
}
