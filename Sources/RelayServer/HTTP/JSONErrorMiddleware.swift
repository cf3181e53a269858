// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Turns every error into GOFF's JSON error shape `{"message": "…"}`: unknown routes (404
/// `Not Found`), bodies over the limit (413), framework errors, and unexpected failures (500, logged).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as RelayHTTPError {
            return error.response()
        } catch let error as HTTPError {
            let message = error.body ?? error.status.reasonPhrase
            return RelayHTTPError(error.status, message: message, headers: error.headers).response()
        } catch is NIOTooManyBytesError {
            return RelayHTTPError.bodyTooLarge.response()
        } catch {
            context.logger.error(
                "request failed", metadata: ["goff.error": .string("\(error)"), "goff.path": .string(request.uri.path)])
            return RelayHTTPError(.internalServerError, message: "internal error").response()
        }
    }
}
