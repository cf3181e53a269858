// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import Synchronization

/// A fake STS speaking the Query protocol: `AssumeRoleWithWebIdentity` (unsigned) and `AssumeRole`,
/// whose SigV4 signature it recomputes with the keys it knows (configured ones and those it issued).
final class FakeSTS: Sendable {
    struct Call: Sendable {
        var action: String
        var form: [String: String]
        /// The access key ID that signed an `AssumeRole` call, when the signature checked out.
        var signedBy: String?
        var authorization: String?
    }

    private struct State {
        var known: [String: AWSCredentials]
        var calls: [Call] = []
        var issued = 0
        var failures: [(code: String, message: String, status: Int)] = []
    }

    let expiration: String
    private let state: Mutex<State>

    init(knownKeys: [AWSCredentials] = [], expiration: String = "2026-01-01T01:00:00Z") {
        self.expiration = expiration
        state = Mutex(State(known: Dictionary(uniqueKeysWithValues: knownKeys.map { ($0.accessKeyID, $0) })))
    }

    var calls: [Call] { state.withLock { $0.calls } }

    /// The next answers are these errors, in order.
    func fail(_ code: String, message: String, status: Int = 400) {
        state.withLock { $0.failures.append((code, message, status)) }
    }

    func handle(_ request: FakeHTTPServer.Request) -> FakeHTTPServer.Response {
        let form = request.form
        let action = form["Action"] ?? ""
        var call = Call(action: action, form: form, authorization: request.header("Authorization"))
        defer { state.withLock { $0.calls.append(call) } }
        guard request.method == "POST", form["Version"] == "2011-06-15",
            request.header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8"
        else { return Self.error("MalformedQueryString", "bad request shape", status: 400) }
        if let failure = state.withLock({ $0.failures.isEmpty ? nil : $0.failures.removeFirst() }) {
            return Self.error(failure.code, failure.message, status: failure.status)
        }
        switch action {
        case "AssumeRoleWithWebIdentity":
            guard request.header("Authorization") == nil else {
                return Self.error("InvalidAction", "AssumeRoleWithWebIdentity must be unsigned", status: 400)
            }
        case "AssumeRole":
            switch verify(request) {
            case .success(let accessKeyID): call.signedBy = accessKeyID
            case .failure(let error): return Self.error(error.code, error.message, status: 403)
            }
        default:
            return Self.error("InvalidAction", "unknown action", status: 400)
        }
        let credentials = issue()
        return .xml(200, Self.success(action, credentials, expiration: expiration))
    }

    private func issue() -> AWSCredentials {
        state.withLock { state in
            state.issued += 1
            let number = state.issued
            let credentials = AWSCredentials(
                accessKeyID: "ASIASTS\(number)", secretAccessKey: "sts/secret+\(number)",
                sessionToken: "sts-token-\(number)&<x>")
            state.known[credentials.accessKeyID] = credentials
            return credentials
        }
    }

    private struct Rejection: Error {
        var code: String
        var message: String
    }

    /// Recomputes the signature with the known secret of the key that claims to have signed.
    private func verify(_ request: FakeHTTPServer.Request) -> Result<String, Rejection> {
        guard let authorization = request.header("Authorization"), let amzDate = request.header("X-Amz-Date"),
            let date = Self.parseAmzDate(amzDate)
        else { return .failure(Rejection(code: "MissingAuthenticationToken", message: "not signed")) }
        let fields = Self.authorizationFields(authorization)
        let scope = (fields["Credential"] ?? "").split(separator: "/").map(String.init)
        guard scope.count == 5, scope[3] == "sts", scope[4] == "aws4_request",
            let known = state.withLock({ $0.known[scope[0]] })
        else { return .failure(Rejection(code: "InvalidClientTokenId", message: "unknown key")) }
        guard known.sessionToken == request.header("X-Amz-Security-Token") else {
            return .failure(Rejection(code: "InvalidClientTokenId", message: "bad token"))
        }
        let signedNames = (fields["SignedHeaders"] ?? "").split(separator: ";").map(String.init)
        let headers = signedNames.filter { !["x-amz-date", "x-amz-security-token"].contains($0) }.map {
            (name: $0, value: request.header($0) ?? "")
        }
        let expected = SigV4Signer(credentials: known, region: scope[2], service: "sts").sign(
            method: request.method, url: "http://unused" + request.target, headers: headers, body: request.body,
            date: date)
        guard expected.signature == fields["Signature"], expected.signedHeaders == fields["SignedHeaders"] else {
            return .failure(Rejection(code: "SignatureDoesNotMatch", message: "signature mismatch"))
        }
        return .success(known.accessKeyID)
    }

    static func authorizationFields(_ authorization: String) -> [String: String] {
        var fields: [String: String] = [:]
        for part in authorization.dropFirst("AWS4-HMAC-SHA256 ".count).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        return fields
    }

    static func parseAmzDate(_ text: String) -> Date? {
        let digits = Array(text)
        guard digits.count == 16 else { return nil }
        let iso =
            "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))T"
            + "\(String(digits[9..<11])):\(String(digits[11..<13])):\(String(digits[13..<15]))Z"
        return try? Date(iso, strategy: .iso8601)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func success(_ action: String, _ credentials: AWSCredentials, expiration: String) -> String {
        """
        <\(action)Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <\(action)Result>
            <AssumedRoleUser>
              <AssumedRoleId>AROA3XFRBF535PLBIFPI4:session</AssumedRoleId>
              <Arn>arn:aws:sts::123456789012:assumed-role/writer/session</Arn>
            </AssumedRoleUser>
            <Credentials>
              <AccessKeyId>\(credentials.accessKeyID)</AccessKeyId>
              <SecretAccessKey>\(escape(credentials.secretAccessKey))</SecretAccessKey>
              <SessionToken>\(escape(credentials.sessionToken ?? ""))</SessionToken>
              <Expiration>\(expiration)</Expiration>
            </Credentials>
          </\(action)Result>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </\(action)Response>
        """
    }

    static func error(_ code: String, _ message: String, status: Int) -> FakeHTTPServer.Response {
        .xml(
            status,
            """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error><Type>Sender</Type><Code>\(code)</Code><Message>\(escape(message))</Message></Error>
              <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>
            </ErrorResponse>
            """)
    }
}
