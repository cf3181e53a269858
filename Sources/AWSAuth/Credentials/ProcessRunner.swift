// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import Synchronization

/// Runs a shell command (`/bin/sh -c`) and collects its standard output, off the cooperative thread pool.
enum ProcessRunner {
    /// The outcome of a command.
    struct Outcome: Sendable {
        var status: Int32
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
            let finish = { @Sendable (outcome: Outcome) in
                pending.withLock { $0.take() }?.resume(returning: outcome)
            }
            let processID = process.processIdentifier
            let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                guard pending.withLock({ $0 != nil }) else { return }
                _ = kill(processID, SIGKILL)
                finish(Outcome(status: -1, timedOut: true, output: []))
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
                finish(Outcome(status: process.terminationStatus, timedOut: false, output: bytes))
            }
        }
    }
}
