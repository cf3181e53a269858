// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import Metrics
import Synchronization

/// Counts requests and times them under GOFF's names, `gofeatureflag_requests_total` and
/// `gofeatureflag_request_duration_seconds`, labelled by status code, method and route template (never
/// the raw path, so cardinality stays bounded).
///
/// The metric handles of each label set are created once and kept: creating them goes through the
/// metrics backend's registry (name validation, label encoding, a lock) on every call.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    private let handles = RequestMetricHandles()

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as RelayHTTPError {
            response = error.response()
        }
        let metrics = handles.handles(
            code: response.status.code, method: request.method.rawValue, url: context.endpointPath ?? "unmatched")
        metrics.requests.increment()
        let (seconds, attoseconds) = (ContinuousClock.now - started).components
        metrics.duration.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        return response
    }
}

/// The request counter and timer of every label set seen so far.
final class RequestMetricHandles: Sendable {
    /// One label set's handles.
    struct Handles: Sendable {
        let requests: Counter
        let duration: Timer
    }

    private struct Key: Hashable {
        let code: Int
        let method: String
        let url: String
    }

    private let cache = Mutex<[Key: Handles]>([:])

    /// The handles for one status code, method and route template, created on first use.
    func handles(code: Int, method: String, url: String) -> Handles {
        let key = Key(code: code, method: method, url: url)
        if let found = cache.withLock({ $0[key] }) { return found }
        let dimensions = [("code", String(code)), ("method", method), ("url", url)]
        let created = Handles(
            requests: Counter(label: "gofeatureflag_requests_total", dimensions: dimensions),
            duration: Timer(label: "gofeatureflag_request_duration_seconds", dimensions: dimensions))
        return cache.withLock { cache in
            if let raced = cache[key] { return raced }
            cache[key] = created
            return created
        }
    }
}
