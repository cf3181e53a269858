// SPDX-License-Identifier: Apache-2.0
import Foundation
import Synchronization

/// Runs a shell command (`/bin/sh -c`) and collects its standard output, off the cooperative thread pool.
enum ProcessRunner {
    /// The outcome of a finished command.
    struct Outcome: Sendable {
        var status: Int32
        var timedOut: Bool
        var output: [UInt8]
    }

    /// Runs `command`, inheriting the environment; standard error is discarded (it could hold secrets
    /// that would otherwise reach logs). The process is terminated after `timeout`.
    static func run(_ command: String, timeout: Duration, maxOutput: Int = 1 << 20) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
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
            let timedOut = Mutex(false)
            let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                if process.isRunning {
                    timedOut.withLock { $0 = true }
                    process.terminate()
                }
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
                    status: process.terminationStatus, timedOut: timedOut.withLock { $0 }, output: bytes)
                continuation.resume(returning: outcome)
            }
        }
    }
}
