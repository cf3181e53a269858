// SPDX-License-Identifier: Apache-2.0

/// The command line of `eval-bench`: `--seconds N` (default 5) and `--json`.
struct EvalBenchOptions {
    /// How long the measured loop runs.
    var seconds = 5.0
    /// `true` prints one JSON line after the human line.
    var json = false

    /// Parses `arguments` (without the program name); `nil` on anything unknown or malformed.
    init?(_ arguments: [String]) {
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--json":
                json = true
            case "--seconds":
                index += 1
                guard index < arguments.count, let value = Double(arguments[index]), value > 0 else { return nil }
                seconds = value
            default:
                return nil
            }
            index += 1
        }
    }
}
