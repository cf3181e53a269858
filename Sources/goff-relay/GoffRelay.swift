// SPDX-License-Identifier: Apache-2.0

import ArgumentParser

/// The `goff-relay` command: a GO Feature Flag relay proxy that exports evaluation events to Kinesis.
@main
struct GoffRelay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goff-relay",
        abstract: "GO Feature Flag relay proxy that exports flag-evaluation events to AWS Kinesis.",
        version: RelayVersion.current,
        subcommands: [RunCommand.self, ValidateCommand.self, VersionCommand.self],
        defaultSubcommand: RunCommand.self
    )
}

/// The build's version string.
enum RelayVersion {
    static let current = "0.1.0"
}

/// `goff-relay version`
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    func run() {
        print("goff-relay \(RelayVersion.current)")
    }
}
