// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import Metrics

/// Counts requests and times them under GOFF's names, `gofeatureflag_requests_total` and
/// `gofeatureflag_request_duration_seconds`, labelled by status code, method and route template (never
/// the raw path, so cardinality stays bounded).
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
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
        let dimensions = [
            ("code", String(response.status.code)), ("method", request.method.rawValue),
            ("url", context.endpointPath ?? "unmatched"),
        ]
        Counter(label: "gofeatureflag_requests_total", dimensions: dimensions).increment()
        let (seconds, attoseconds) = (ContinuousClock.now - started).components
        Timer(label: "gofeatureflag_request_duration_seconds", dimensions: dimensions)
            .recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        return response
    }
}
