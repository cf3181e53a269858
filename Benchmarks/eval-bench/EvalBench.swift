// SPDX-License-Identifier: Apache-2.0

import Events
import FlagEngine
import Foundation

/// `eval-bench`: in-process evaluations per second of one typical flag (three targeting rules), on the
/// calling thread.
///
/// ```
/// eval-bench [--seconds 5] [--json]
/// ```
/// Pin it to one core (`taskset -c 1 .build/release/eval-bench`) to read the figure as evaluations/s per
/// core. With `--json` a single JSON line follows the human line.
@main
struct EvalBench {
    static let contextCount = 1000

    static func main() {
        guard let options = EvalBenchOptions(Array(CommandLine.arguments.dropFirst())) else {
            FileHandle.standardError.write(Data("usage: eval-bench [--seconds N] [--json]\n".utf8))
            exit(2)
        }
        let flag: Flag
        do {
            flag = try BenchFixture.flag()
        } catch {
            FileHandle.standardError.write(Data("eval-bench: cannot parse the flag: \(error)\n".utf8))
            exit(1)
        }
        let contexts = BenchFixture.contexts(count: contextCount)
        let evaluator = FlagEvaluator()
        let now = Timestamp(unixSeconds: 1_767_225_600)

        // One pass to report which rules the contexts reach (and to warm up).
        var reasons: [String: Int] = [:]
        var passDigest: UInt64 = 0
        for context in contexts {
            let result = evaluator.evaluate(
                flagKey: BenchFixture.flagKey, flag: flag, context: context, defaultValue: .null, now: now)
            let rule: String
            if case .string(let name)? = result.metadata?["evaluatedRuleName"] { rule = name } else { rule = "default" }
            reasons[rule, default: 0] += 1
            passDigest = passDigest &* 31 &+ digest(result)
        }

        let clock = ContinuousClock()
        let budget = Duration.nanoseconds(Int64(options.seconds * 1e9))
        var checksum: UInt64 = 0
        var evaluations = 0
        var index = 0
        let start = clock.now
        var elapsed = Duration.zero
        repeat {
            for _ in 0..<4096 {
                let result = evaluator.evaluate(
                    flagKey: BenchFixture.flagKey, flag: flag, context: contexts[index], defaultValue: .null,
                    now: now)
                checksum = checksum &* 31 &+ digest(result)
                index += 1
                if index == contexts.count { index = 0 }
            }
            evaluations += 4096
            elapsed = clock.now - start
        } while elapsed < budget

        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Int((Double(evaluations) / seconds).rounded())
        let mix = reasons.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let secondsText = String(format: "%.3f", seconds)
        print(
            "eval-bench: \(rate) evaluations/s (\(evaluations) in \(secondsText) s; 3 targeting rules; "
                + "\(contexts.count) contexts: \(mix); one-pass digest \(String(passDigest, radix: 16)); "
                + "loop checksum \(String(checksum, radix: 16)))")
        if options.json {
            print(
                #"{"evaluations_per_second": \#(rate), "seconds": \#(secondsText), "#
                    + #""evaluations": \#(evaluations), "flag_rules": 3, "contexts": \#(contexts.count)}"#)
        }
    }

    /// Folds what a caller reads from a result into a number, so the work cannot be optimised away.
    static func digest(_ result: EvaluationResult) -> UInt64 {
        var h = UInt64(result.variationType.utf8.count) &* 1_099_511_628_211
        if let first = result.variationType.utf8.first { h ^= UInt64(first) }
        if case .string(let s) = result.value { h &+= UInt64(s.utf8.count) }
        h &+= UInt64(result.reason.rawValue.utf8.count) << 8
        h &+= UInt64(result.metadata?.count ?? 0) << 16
        return h
    }
}
