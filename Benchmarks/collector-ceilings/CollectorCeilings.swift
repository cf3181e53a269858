// SPDX-License-Identifier: Apache-2.0

import Foundation

/// `collector-ceilings`: the two ceilings of the collector path, measured on the project's own code.
///
/// ```
/// collector-ceilings parse  --bodies FILE [--seconds 5]
/// collector-ceilings append --bodies FILE --directory DIR [--seconds 5] [--concurrency 16]
///                           [--durability fsync|write]
/// ```
/// `FILE` holds one collector body per line (as `Benchmarks/bench.py` writes them). Each mode prints one
/// JSON object on stdout. `parse` runs on the calling thread: pin it with `taskset -c N` to read it as
/// events/s per core. `append` writes into a fresh `FileEventSpool` in `DIR` (which must not exist).
@main
struct CollectorCeilings {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let mode = arguments.first else { usage() }
        let options = BenchOptions(arguments.dropFirst())
        do {
            guard let bodiesPath = options.value("--bodies") else { usage() }
            let bodies = try BenchBodies.load(path: bodiesPath)
            let seconds = Double(options.value("--seconds") ?? "5") ?? 5
            let report: [String: Any]
            switch mode {
            case "parse":
                report = try ParseCeiling(bodies: bodies).run(seconds: seconds)
            case "append":
                guard let directory = options.value("--directory") else { usage() }
                let ceiling = try AppendCeiling(
                    bodies: bodies, directory: directory,
                    concurrency: Int(options.value("--concurrency") ?? "16") ?? 16,
                    fsync: (options.value("--durability") ?? "fsync") == "fsync")
                report = try await ceiling.run(seconds: seconds)
            default:
                usage()
            }
            let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
            FileHandle.standardOutput.write(json + Data("\n".utf8))
        } catch {
            FileHandle.standardError.write(Data("collector-ceilings: \(error)\n".utf8))
            exit(1)
        }
    }

    static func usage() -> Never {
        FileHandle.standardError.write(
            Data(
                """
                usage: collector-ceilings parse  --bodies FILE [--seconds S]
                       collector-ceilings append --bodies FILE --directory DIR [--seconds S] [--concurrency N] \
                [--durability fsync|write]

                """.utf8))
        exit(2)
    }
}
