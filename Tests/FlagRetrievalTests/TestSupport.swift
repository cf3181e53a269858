// SPDX-License-Identifier: Apache-2.0

import Events
import Foundation
import Logging
import Synchronization
import Testing

@testable import FlagRetrieval

/// A fresh directory under the system temporary directory, removed by `cleanup()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "goff-flag-retrieval-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the directory and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// The text of `name`, or `nil` when it does not exist.
    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + name).map { String(decoding: $0, as: UTF8.self) }
    }

    func cleanup() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Log lines captured by a ``CapturingLogHandler``.
final class LogLines: Sendable {
    private let entries = Mutex<[String]>([])

    var all: [String] { entries.withLock { $0 } }

    func append(_ line: String) {
        entries.withLock { $0.append(line) }
    }

    /// A logger writing `level message key=value…` lines here.
    func logger() -> Logger {
        Logger(label: "flag-retrieval-test") { _ in CapturingLogHandler(lines: self) }
    }
}

/// Writes each log record as one `level message key=value …` line (metadata keys sorted).
struct CapturingLogHandler: LogHandler {
    let lines: LogLines
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.keys.sorted().map { "\($0)=\(merged[$0].map { "\($0)" } ?? "")" }
        lines.append(([event.level.rawValue, "\(event.message)"] + fields).joined(separator: " "))
    }
}

/// A logger that drops everything.
let quietLogger = Logger(label: "flag-retrieval-test") { _ in SwiftLogNoOpLogHandler() }

/// A retriever answering from a script the test changes between calls.
final class ScriptedRetriever: FlagRetriever {
    enum Answer: Sendable {
        case bytes(String)
        case failure(String)
    }

    private let answer: Mutex<Answer>
    private let calls = Mutex(0)

    init(_ answer: Answer) {
        self.answer = Mutex(answer)
    }

    /// How many times ``retrieve()`` ran.
    var callCount: Int { calls.withLock { $0 } }

    func set(_ newAnswer: Answer) {
        answer.withLock { $0 = newAnswer }
    }

    func retrieve() async throws -> [UInt8] {
        calls.withLock { $0 += 1 }
        switch answer.withLock({ $0 }) {
        case .bytes(let text):
            return Array(text.utf8)
        case .failure(let message):
            throw FlagRetrievalError(code: .fileUnreadable, message: message)
        }
    }
}

/// The error `body` threw as a ``FlagRetrievalError``, or `nil` when it succeeded.
func retrievalError<T>(_ body: () async throws -> T) async -> FlagRetrievalError? {
    do {
        _ = try await body()
        return nil
    } catch let error as FlagRetrievalError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

/// Decodes YAML text, failing the test on error.
func yaml(_ text: String) throws -> FlagSet {
    try FlagFileDecoder.decode(Array(text.utf8), format: .yaml)
}

/// The UTF-8 text of bytes.
func text(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}
