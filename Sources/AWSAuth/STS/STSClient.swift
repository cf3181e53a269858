// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The two STS calls the credential chain makes, over the Query protocol (form POST, XML answer).
struct STSClient: Sendable {
    let http: any CredentialHTTPClient
    let endpoint: STSEndpoint
    let timeout: Duration

    /// `AssumeRoleWithWebIdentity`: unsigned; the web identity token is the proof.
    func assumeRoleWithWebIdentity(
        roleARN: String, sessionName: String, webIdentityToken: String
    ) async throws(CredentialError) -> AWSCredentials {
        let form = [
            ("Action", "AssumeRoleWithWebIdentity"), ("Version", "2011-06-15"), ("RoleArn", roleARN),
            ("RoleSessionName", sessionName), ("WebIdentityToken", webIdentityToken),
        ]
        return try await call(
            "AssumeRoleWithWebIdentity", form: form, signer: nil, secrets: [webIdentityToken])
    }

    /// `AssumeRole`, signed with the source credentials.
    func assumeRole(
        _ role: AssumeRoleParameters, source: AWSCredentials, date: Date
    ) async throws(CredentialError) -> AWSCredentials {
        var form: [(String, String)] = [
            ("Action", "AssumeRole"), ("Version", "2011-06-15"), ("RoleArn", role.roleARN),
            ("RoleSessionName", role.sessionName(at: date)),
        ]
        if let externalID = role.externalID {
            form.append(("ExternalId", externalID))
        }
        if let duration = role.durationSeconds {
            form.append(("DurationSeconds", String(duration)))
        }
        let signer = SigV4Signer(credentials: source, region: endpoint.signingRegion, service: "sts")
        return try await call(
            "AssumeRole", form: form, signer: (signer, date),
            secrets: [source.secretAccessKey, source.sessionToken])
    }

    private func call(
        _ action: String, form: [(String, String)], signer: (SigV4Signer, Date)?, secrets: [String?]
    ) async throws(CredentialError) -> AWSCredentials {
        let variable = "sts:\(action)"
        let body = Array(
            form.map { "\(URIEncoding.encode($0.0.utf8))=\(URIEncoding.encode($0.1.utf8))" }
                .joined(separator: "&").utf8)
        var headers: [(String, String)] = [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        if let (signer, date) = signer {
            let signed = signer.signedHeaders(
                method: "POST", url: endpoint.url, headers: headers.map { (name: $0.0, value: $0.1) }, body: body,
                date: date)
            headers += signed.map { ($0.name, $0.value) }
        }
        let response = try await http.exchange(
            "POST", endpoint.url, headers: headers, body: body, timeout: timeout, what: "STS \(action)",
            variable: variable)
        let xml = Substring(response.text)
        guard (200..<300).contains(response.status) else {
            let code = STSXML.text(of: "Code", in: xml).map(String.init)
            let message = STSXML.text(of: "Message", in: xml).map { Redaction.scrub(String($0), secrets: secrets) }
            throw CredentialError(
                code: .serviceError, variable: variable,
                message: "STS \(action) at \(endpoint.url) answered HTTP \(response.status)"
                    + (code.map { ": \($0)" } ?? "") + (message.map { ": \($0)" } ?? ""),
                serviceCode: code)
        }
        guard let block = STSXML.element("Credentials", in: xml),
            let accessKeyID = STSXML.text(of: "AccessKeyId", in: block),
            let secretAccessKey = STSXML.text(of: "SecretAccessKey", in: block),
            !accessKeyID.isEmpty, !secretAccessKey.isEmpty
        else {
            throw CredentialError(
                code: .invalidResponse, variable: variable,
                message: "STS \(action) answered HTTP \(response.status) without Credentials/AccessKeyId and "
                    + "SecretAccessKey (\(response.body.count) bytes)")
        }
        var expiration: Date?
        if let text = STSXML.text(of: "Expiration", in: block) {
            guard let date = ISO8601Timestamp.parse(String(text)) else {
                throw CredentialError(
                    code: .invalidResponse, variable: variable,
                    message: "STS \(action): Expiration \"\(text.prefix(40))\" is not an ISO 8601 timestamp")
            }
            expiration = date
        }
        let token = STSXML.text(of: "SessionToken", in: block).flatMap { $0.isEmpty ? nil : String($0) }
        return AWSCredentials(
            accessKeyID: String(accessKeyID), secretAccessKey: String(secretAccessKey), sessionToken: token,
            expiration: expiration)
    }
}
