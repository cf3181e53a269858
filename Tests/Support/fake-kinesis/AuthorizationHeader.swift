// SPDX-License-Identifier: Apache-2.0

/// The parts of `Authorization: AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/kinesis/aws4_request,
/// SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=…`.
struct AuthorizationHeader: Sendable, Equatable {
    /// The access key ID.
    let accessKeyID: String
    /// Scope date, `YYYYMMDD`.
    let scopeDate: String
    /// Scope region.
    let scopeRegion: String
    /// Scope service.
    let scopeService: String
    /// `SignedHeaders` as sent.
    let signedHeaders: String
    /// `Signature` as sent.
    let signature: String

    /// Parses the header; the error is an `IncompleteSignatureException` naming what is missing.
    static func parse(_ value: String) -> Result<AuthorizationHeader, KinesisError> {
        let algorithm = "AWS4-HMAC-SHA256"
        let trimmed = value.drop { $0 == " " }
        guard trimmed.hasPrefix(algorithm + " ") else {
            return .failure(
                KinesisError(
                    code: .incompleteSignature,
                    message: "Unsupported AWS 'algorithm': '\(trimmed.prefix { $0 != " " })'")
            )
        }
        var parameters: [Substring: Substring] = [:]
        for part in trimmed.dropFirst(algorithm.count + 1).split(separator: ",") {
            let item = part.drop { $0 == " " }
            guard let equals = item.firstIndex(of: "=") else { continue }
            parameters[item[..<equals]] = item[item.index(after: equals)...].drop { $0 == " " }
        }
        var missing: [String] = []
        for name in ["Credential", "SignedHeaders", "Signature"] where parameters[Substring(name)] == nil {
            missing.append("Authorization header requires '\(name)' parameter.")
        }
        guard missing.isEmpty, let credential = parameters["Credential"], let signed = parameters["SignedHeaders"],
            let signature = parameters["Signature"]
        else {
            return .failure(
                KinesisError(
                    code: .incompleteSignature,
                    message: missing.joined(separator: " ") + " Authorization=\(value)")
            )
        }
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false)
        guard scope.count == 5, scope[4] == "aws4_request", !scope[0].isEmpty else {
            return .failure(
                KinesisError(
                    code: .incompleteSignature,
                    message: "Credential should be scoped to a valid region and service, "
                        + "in the form AKID/YYYYMMDD/region/service/aws4_request; got '\(credential)'")
            )
        }
        return .success(
            AuthorizationHeader(
                accessKeyID: String(scope[0]),
                scopeDate: String(scope[1]),
                scopeRegion: String(scope[2]),
                scopeService: String(scope[3]),
                signedHeaders: String(signed.trimmingSuffixSpaces()),
                signature: String(signature.trimmingSuffixSpaces())
            )
        )
    }
}

extension Substring {
    fileprivate func trimmingSuffixSpaces() -> Substring {
        var result = self
        while result.last == " " {
            result = result.dropLast()
        }
        return result
    }
}
