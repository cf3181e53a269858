// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

/// Every case of the committed fixture (random flags and contexts evaluated by GOFF's own engine) must give
/// the same value, variant, reason, error code and details, metadata, trackEvents, version and cacheable.
@Test func oracleFixtureHasNoMismatch() throws {
    let url = try #require(
        Bundle.module.url(forResource: "oracle-cases", withExtension: "jsonl", subdirectory: "Fixtures"))
    let outcome = try OracleCaseRunner.run(contentsOf: url)
    print("FlagEngine oracle fixture: \(outcome.cases) cases, \(outcome.mismatches.count) mismatches")
    #expect(outcome.cases >= 10_000)
    #expect(outcome.mismatches.isEmpty, "\(outcome.mismatches.prefix(15).joined(separator: "\n"))")
}

/// Cases produced by `Fixtures/soak.sh` (a fresh random seed, live oracle); runs only when
/// `FLAGENGINE_SOAK_CASES` names such a file.
@Test(.enabled(if: ProcessInfo.processInfo.environment["FLAGENGINE_SOAK_CASES"] != nil))
func soakCasesHaveNoMismatch() throws {
    let path = try #require(ProcessInfo.processInfo.environment["FLAGENGINE_SOAK_CASES"])
    let outcome = try OracleCaseRunner.run(contentsOf: URL(fileURLWithPath: path))
    print("FlagEngine soak: \(outcome.cases) cases, \(outcome.mismatches.count) mismatches")
    for line in outcome.mismatches.prefix(40) { print(line) }
    #expect(outcome.mismatches.isEmpty)
}
