// SPDX-License-Identifier: Apache-2.0
import Foundation
import Synchronization
import Testing

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let date: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {  // 2026-01-01T00:00:00Z
        date = Mutex(start)
    }

    /// The current test time.
    func now() -> Date { date.withLock { $0 } }

    /// Moves the clock forward.
    func advance(_ seconds: TimeInterval) {
        date.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// `now() + seconds`.
    func after(_ seconds: TimeInterval) -> Date { now().addingTimeInterval(seconds) }
}

/// A directory under the system temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "awsauth-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes a file and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String, executable: Bool = false) throws -> String {
        let file = path + "/" + name
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        if executable {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file)
        }
        return file
    }
}

/// Waits (polling, yielding) until `condition` holds; records an issue if it never does.
func eventually(_ what: Comment, _ condition: () -> Bool) async throws {
    var attempts = 0
    while !condition() && attempts < 4000 {
        attempts += 1
        try await Task.sleep(for: .milliseconds(2))
    }
    #expect(condition(), what)
}

/// A JSON credentials document as the container endpoint and IMDS send it.
func credentialsJSON(
    _ accessKeyID: String, _ secret: String, token: String, expiration: String, extra: String = ""
) -> String {
    #"{\#(extra)"AccessKeyId":"\#(accessKeyID)","SecretAccessKey":"\#(secret)","#
        + #""Token":"\#(token)","Expiration":"\#(expiration)"}"#
}

/// The error of a throwing async call, or `nil`.
func caughtError(_ body: () async throws -> some Any) async -> (any Error)? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}
