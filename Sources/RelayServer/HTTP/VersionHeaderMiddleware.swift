// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird

/// Adds `X-GOFEATUREFLAG-VERSION: <version>` to every response, including errors (GOFF's behaviour).
struct VersionHeaderMiddleware<Context: RequestContext>: RouterMiddleware {
    let version: String

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as RelayHTTPError {
            response = error.response()
        }
        response.headers[.goffVersion] = version
        return response
    }
}
