// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import NIOCore

/// What the OFREP single-evaluation fast path shares between connections: the evaluation logic (the same
/// ``EvaluationController`` the router uses), the keys, the response settings and the metric handles.
struct OFREPFastPath: Sendable {
    /// The evaluation routes' controller, shared with the router.
    let controller: EvaluationController
    /// The API keys, as ``APIKeyMiddleware`` sees them.
    let keys: APIKeyStore
    /// The `X-GOFEATUREFLAG-VERSION` value, or nil.
    let versionHeader: String?
    /// The request-body limit (413 above).
    let maxBodyBytes: Int
    /// Request counters and timers, under the labels ``RequestMetricsMiddleware`` uses.
    let metrics = RequestMetricHandles()
    /// The `url` label of the route: its template as the router describes it.
    let url = RouterPath(EvaluationController.ofrepSingleRoute).description

    /// The path prefix of the route, up to the flag key.
    static let prefix = Array("/ofrep/v1/evaluate/flags/".utf8)

    /// A handler for one new connection.
    func makeHandler() -> OFREPFastPathHandler { OFREPFastPathHandler(fastPath: self) }

    /// The flag key when `head` is `POST /ofrep/v1/evaluate/flags/<key>[?query]` (the key as the router gives
    /// it: the raw path segment, not percent-decoded) and the connection stays open after it; nil otherwise.
    static func flagKey(of head: HTTPRequest) -> String? {
        guard head.method == .post, let path = head.path, head.headerFields[.connection] != "close" else {
            return nil
        }
        let bytes = path.utf8
        guard bytes.starts(with: prefix) else { return nil }
        let rest = bytes.dropFirst(prefix.count)
        let end = rest.firstIndex(of: UInt8(ascii: "?")) ?? rest.endIndex
        let key = rest[rest.startIndex..<end]
        guard !key.isEmpty, !key.contains(UInt8(ascii: "/")) else { return nil }
        return String(Substring(key))
    }
}
