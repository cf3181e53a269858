// SPDX-License-Identifier: Apache-2.0

import Events
import FlagRetrieval
import HTTPTypes
import Hummingbird

extension EvaluationController {
    /// `POST /v1/flag/configuration`: the raw valid flags (optionally filtered by `{"flags":[…]}`) with
    /// `ETag`, `Last-Modified` and 304 on a matching `If-None-Match`.
    func configuration<Context: RequestContext>(_ request: Request, context: Context) async throws -> Response {
        let bytes = try await body(request, context: context)
        var keys: [String] = []
        if !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            do {
                let value = try JSONParser.parse(bytes)
                switch value {
                case .object(let object):
                    switch object["flags"] {
                    case nil, .null?: break
                    case .array(let list)?: keys = list.compactMap(\.stringValue)
                    default: throw RelayHTTPError(.badRequest, message: "")
                    }
                case .null: break
                default: throw RelayHTTPError(.badRequest, message: "")
                }
            } catch {
                return JSONResponse.make(
                    status: .badRequest,
                    bytes: EvaluationEncoding.ofrepError(
                        code: "INVALID_REQUEST",
                        details:
                            "impossible to read request body: code=400, message=invalid flag configuration request",
                        key: nil))
            }
        }
        let snapshot = routes.source.store.snapshot
        var headers = HTTPFields()
        if let lastModified = snapshot.lastModified { headers[.lastModified] = lastModified }
        if keys.isEmpty {
            return Self.conditional(
                request, body: snapshot.configurationBody, etag: snapshot.configurationETag, extraHeaders: headers)
        }
        let body = snapshot.configurationBody(flagKeys: keys)
        return Self.conditional(request, body: body, etag: FlagSnapshot.etag(forBody: body), extraHeaders: headers)
    }

    /// `GET /v1/flag/change`: the change hashes, with `ETag` / 304.
    func change(_ request: Request) -> Response {
        let snapshot = routes.source.store.snapshot
        return Self.conditional(request, body: snapshot.changeBody, etag: snapshot.changeETag)
    }
}
