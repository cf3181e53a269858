// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import Synchronization

/// Runs a shell command (`/bin/sh -c`) and collects its standard output, off the cooperative thread pool.
enum ProcessRunner {
    /// The outcome of a command.
    struct Outcome: Sendable {
        /// The exit status, or the signal number when ``signaled``.
        var status: Int32
        /// Whether a signal ended the process.
        var signaled: Bool
        var timedOut: Bool
        var output: [UInt8]
    }

    /// Runs `command`, inheriting the environment; standard error is discarded (it could hold secrets
    /// that would otherwise reach logs).
    ///
    /// At the deadline the shell is killed (`SIGKILL`: a child may inherit a mask that blocks `SIGTERM`)
    /// and the call returns at once with `timedOut`, even if a grandchild still holds the output pipe.
    static func run(_ command: String, timeout: Duration, maxOutput: Int = 1 << 20) async throws -> Outcome {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Outcome, any Error>) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            let pending = Mutex<CheckedContinuation<Outcome, any Error>?>(continuation)
            let processID = process.processIdentifier
            let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                // Claim the result before killing, so the reader (which sees EOF next) cannot report the kill.
                guard let continuation = pending.withLock({ $0.take() }) else { return }
                if process.isRunning {
                    _ = kill(processID, SIGKILL)
                }
                continuation.resume(returning: Outcome(status: -1, signaled: false, timedOut: true, output: []))
            }
            Thread.detachNewThread {
                var bytes: [UInt8] = []
                let handle = output.fileHandleForReading
                while let chunk = try? handle.read(upToCount: 65536), !chunk.isEmpty {
                    if bytes.count < maxOutput {
                        bytes += chunk.prefix(maxOutput - bytes.count)
                    }
                }
                process.waitUntilExit()
                let outcome = Outcome(
                    status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                    timedOut: false, output: bytes)
                pending.withLock { $0.take() }?.resume(returning: outcome)
            }
        }
    }
}
