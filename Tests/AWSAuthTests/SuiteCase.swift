// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One case of the AWS SigV4 test suite (aws-c-auth layout) under `Fixtures/aws-sigv4-test-suite`.
struct SuiteCase {
    struct Context: Decodable {
        struct Credentials: Decodable {
            var accessKeyID: String
            var secretAccessKey: String
            var token: String?

            enum CodingKeys: String, CodingKey {
                case accessKeyID = "access_key_id"
                case secretAccessKey = "secret_access_key"
                case token
            }
        }

        var credentials: Credentials
        var region: String
        var service: String
        var timestamp: String
        var normalize: Bool
        var signBody: Bool
        var omitSessionToken: Bool?

        enum CodingKeys: String, CodingKey {
            case credentials, region, service, timestamp, normalize
            case signBody = "sign_body"
            case omitSessionToken = "omit_session_token"
        }
    }

    let name: String
    let context: Context
    let request: SuiteRequest
    let signedRequest: SuiteRequest
    let canonicalRequest: String
    let stringToSign: String
    let signature: String

    static var directory: URL {
        get throws {
            guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
                throw SuiteError("Fixtures missing from the test bundle")
            }
            return fixtures.appendingPathComponent("aws-sigv4-test-suite", isDirectory: true)
        }
    }

    /// The case folders present on disk, sorted.
    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0 != "LICENSE" }
            .sorted()
    }

    init(named name: String) throws {
        let folder = try Self.directory.appendingPathComponent(name, isDirectory: true)
        func bytes(_ file: String) throws -> [UInt8] {
            Array(try Data(contentsOf: folder.appendingPathComponent(file)))
        }
        func text(_ file: String) throws -> String {
            String(decoding: try bytes(file), as: UTF8.self)
        }
        self.name = name
        context = try JSONDecoder().decode(Context.self, from: Data(try bytes("context.json")))
        request = try SuiteRequest(parsing: try bytes("request.txt"))
        signedRequest = try SuiteRequest(parsing: try bytes("header-signed-request.txt"))
        canonicalRequest = try text("header-canonical-request.txt")
        stringToSign = try text("header-string-to-sign.txt")
        signature = try text("header-signature.txt")
    }

    var date: Date {
        get throws { try Date(context.timestamp, strategy: .iso8601) }
    }

    var url: String {
        let host = request.headers.first { $0.name.lowercased() == "host" }?.value ?? ""
        return "https://\(host)\(request.path)"
    }
}
