// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import RelayConfig

/// `goff-relay validate --config PATH`: checks a configuration and prints OK or every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a goff-proxy.yaml and print OK or every error (exit 0 or 1).")

    @Option(name: .long, help: "Path of goff-proxy.yaml (default: GOFF's search path).")
    var config: String?

    func run() throws {
        let loader = ConfigLoader(environment: ProcessInfo.processInfo.environment)
        do {
            let loaded = try loader.load(path: config)
            for warning in loaded.warnings { print("warning: \(warning)") }
            print("OK")
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
