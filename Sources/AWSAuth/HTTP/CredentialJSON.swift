// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The JSON shapes of temporary credentials: the container endpoint and IMDS
/// (`AccessKeyId`, `SecretAccessKey`, `Token`, `Expiration`), and `credential_process`
/// (`Version`, `AccessKeyId`, `SecretAccessKey`, `SessionToken`, `Expiration`).
struct CredentialJSON: Decodable {
    var version: Int?
    var code: String?
    var message: String?
    var lowercaseCode: String?
    var lowercaseMessage: String?
    var accessKeyID: String?
    var secretAccessKey: String?
    var token: String?
    var sessionToken: String?
    var expiration: String?

    enum CodingKeys: String, CodingKey {
        case version = "Version"
        case code = "Code"
        case message = "Message"
        case lowercaseCode = "code"
        case lowercaseMessage = "message"
        case accessKeyID = "AccessKeyId"
        case secretAccessKey = "SecretAccessKey"
        case token = "Token"
        case sessionToken = "SessionToken"
        case expiration = "Expiration"
    }

    /// `Code` or `code` (error answers).
    var errorCode: String? { code ?? lowercaseCode }
    /// `Message` or `message` (error answers).
    var errorMessage: String? { message ?? lowercaseMessage }

    /// Decodes a document; messages never quote it (it holds secrets).
    static func decode(_ body: [UInt8], what: String, variable: String) throws(CredentialError) -> CredentialJSON {
        do {
            return try JSONDecoder().decode(CredentialJSON.self, from: Data(body))
        } catch {
            throw CredentialError(
                code: .invalidResponse, variable: variable,
                message: "\(what): the answer is not a JSON object of credentials (\(body.count) bytes)")
        }
    }

    /// The credentials, requiring both keys; the token is `Token` or `SessionToken`.
    func credentials(what: String, variable: String) throws(CredentialError) -> AWSCredentials {
        guard let accessKeyID, !accessKeyID.isEmpty, let secretAccessKey, !secretAccessKey.isEmpty else {
            throw CredentialError(
                code: .invalidResponse, variable: variable,
                message: "\(what): the answer lacks AccessKeyId or SecretAccessKey")
        }
        var expirationDate: Date?
        if let expiration, !expiration.isEmpty {
            guard let date = ISO8601Timestamp.parse(expiration) else {
                throw CredentialError(
                    code: .invalidResponse, variable: variable,
                    message: "\(what): Expiration \"\(expiration.prefix(40))\" is not an ISO 8601 timestamp")
            }
            expirationDate = date
        }
        let sessionToken = (token ?? sessionToken).flatMap { $0.isEmpty ? nil : $0 }
        return AWSCredentials(
            accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken,
            expiration: expirationDate)
    }
}
