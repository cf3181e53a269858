// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Diagnostics of the fake go to standard error, unbuffered, one line each; standard output carries
/// only the `listening` line that tests parse.
enum Log {
    /// Writes `message` to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("fake-kinesis: \(message)\n".utf8))
    }

    /// Writes `line` to standard output at once (no buffering).
    static func output(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
