// SPDX-License-Identifier: Apache-2.0

import HTTPTypes

/// GOFF's API-key decision, shared by ``APIKeyMiddleware`` (router) and the OFREP fast path (event loop):
/// which routes need a key, where the key is read from, and GOFF's 401 messages.
enum APIKeyCheck {
    /// The 401 error for a request to `path` with `fields`, or nil when it may go on.
    static func rejection(path: String, fields: HTTPFields, store: APIKeyStore) -> RelayHTTPError? {
        let isAdmin = path.hasPrefix("/admin/v1/")
        let isEvaluation = path.hasPrefix("/v1/") || path.hasPrefix("/ofrep/v1/")
        guard isAdmin || (isEvaluation && store.evaluationRequiresKey) else { return nil }
        let role: APIKeyStore.Role?
        if let key = fields[HTTPField.Name.xAPIKey] {
            role = store.role(of: key)
            if role == nil { return RelayHTTPError(.unauthorized, message: "code=401, message=Unauthorized") }
        } else if let authorization = fields[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                return RelayHTTPError(.unauthorized, message: "invalid key in the request header")
            }
            role = store.role(of: String(parts[1]))
            if role == nil { return RelayHTTPError(.unauthorized, message: "invalid key") }
        } else {
            return RelayHTTPError(.unauthorized, message: "missing key in request header")
        }
        if isAdmin && role != .admin {
            return RelayHTTPError(.unauthorized, message: "code=401, message=Unauthorized")
        }
        return nil
    }
}
