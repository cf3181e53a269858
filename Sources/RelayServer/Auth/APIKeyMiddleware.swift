// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird

/// GOFF's API-key check on the evaluation routes (`/v1/…`, `/ofrep/v1/…`) and admin routes
/// (`/admin/v1/…`), with GOFF's 401 bodies.
///
/// The key comes from `X-API-Key`, else from `Authorization: Bearer <key>` (scheme matched ignoring
/// case). Evaluation routes check keys only once an evaluation key is configured; admin routes always
/// need an admin key.
struct APIKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    let store: APIKeyStore

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let rejection = APIKeyCheck.rejection(path: request.uri.path, fields: request.headers, store: store) {
            throw rejection
        }
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    /// `X-API-Key`, GOFF's preferred API-key header.
    static let xAPIKey: HTTPField.Name = {
        guard let name = HTTPField.Name("X-API-Key") else { preconditionFailure("X-API-Key is a valid field name") }
        return name
    }()

    /// `X-GOFEATUREFLAG-VERSION`, the relay's version on every API response.
    static let goffVersion: HTTPField.Name = {
        guard let name = HTTPField.Name("X-GOFEATUREFLAG-VERSION") else {
            preconditionFailure("X-GOFEATUREFLAG-VERSION is a valid field name")
        }
        return name
    }()
}
