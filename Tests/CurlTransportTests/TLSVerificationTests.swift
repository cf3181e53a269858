// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Foundation
import Glibc
import Testing

/// Certificate verification is on: a loopback TLS server with a self-signed certificate is refused.
///
/// The TLS peer is `openssl s_server` for one connection (the test is skipped where the `openssl` tool is missing);
/// the client never trusts it because the certificate is not issued by a CA in the system store.
@Suite("TLS verification")
struct TLSVerificationTests {
    private static let openssl = "/usr/bin/openssl"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: openssl)))
    func selfSignedCertificateIsRejected() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "curl-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appending(path: "key.pem").path
        let certificate = directory.appending(path: "cert.pem").path
        try Self.run([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ])
        let port = try LoopbackServer.closedPort()
        let server = try Self.start([
            "s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-www", "-quiet", "-naccept",
            "1",
        ])
        defer {
            // It normally exits after its one connection. Processes started from a dispatch thread
            // inherit a mask that blocks SIGTERM, so a straggler gets SIGKILL.
            if server.isRunning { kill(server.processIdentifier, SIGKILL) }
            server.waitUntilExit()
        }
        try await withClient { client in
            var error: TransportError?
            for _ in 0..<500 {
                error = await transportError { () async throws(TransportError) in
                    try await client.send(HTTPRequest(url: "https://127.0.0.1:\(port)/"))
                }
                guard error?.code == .connectFailed else { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(error?.code == .tls, "\(String(describing: error))")
            #expect(error?.curlCode == 60)
        }
    }

    private static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(filePath: openssl)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private static func run(_ arguments: [String]) throws {
        let process = try start(arguments)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
    }
}
