// SPDX-License-Identifier: Apache-2.0

import EventSpool
import Events
import FlagRetrieval
import Foundation
import KinesisExporter
import Logging
import NIOCore
import NIOPosix
import RelayServer
import ServiceLifecycle
import Testing

/// One running relay of a pair: its port and the log its events land in.
struct PairedRelay: Sendable {
    let port: Int
    let log: MemoryEventLog

    /// Reads `count` records (waiting for them), then whatever else is already there; `creationDate` values
    /// are zeroed (they are seconds of the wall clock) and the list is sorted (two emitters race).
    func events(count: Int) async -> [String] {
        var records: [String] = []
        while records.count < count {
            guard await log.waitForRecords(timeout: .seconds(10)) == .ready else { break }
            records += await log.readAvailable(maxRecords: 100, maxBytes: 1_000_000).map {
                String(decoding: $0.record.data, as: UTF8.self)
            }
        }
        records += await log.readAvailable(maxRecords: 100, maxBytes: 1_000_000).map {
            String(decoding: $0.record.data, as: UTF8.self)
        }
        return records.map { $0.replacing(/"creationDate":[0-9]+/, with: #""creationDate":0"#) }.sorted()
    }
}

/// Runs two relays over the same flags, one with the OFREP fast path and one without, with a body limit
/// of `maxBodyBytes`, a version header, and `keys`.
func withRelayPair(
    keys: @autoclosure () -> APIKeyStore = APIKeyStore(evaluation: [], admin: ["adm"]), maxBodyBytes: Int = 300,
    _ body: (_ fast: PairedRelay, _ slow: PairedRelay, _ group: any EventLoopGroup) async throws -> Void
) async throws {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let fastPorts = ListeningPort()
    let slowPorts = ListeningPort()
    var logs: [MemoryEventLog] = []
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        for (fastPath, ports) in [(true, fastPorts), (false, slowPorts)] {
            let log = MemoryEventLog(capacityBytes: 10_000_000)
            logs.append(log)
            let app = RelayApplication.make(
                settings: .init(
                    host: "127.0.0.1", port: 0, maxBodyBytes: maxBodyBytes, versionHeader: "9.9.9-test",
                    ofrepFastPath: fastPath),
                dispatcher: testDispatcher(log), eventLoopGroup: group, logger: Logger(label: "test"), keys: keys(),
                evaluation: EvaluationRoutes(source: try testFlagSource()),
                onListening: { await ports.set($0) })
            tasks.addTask { try await app.run() }
        }
        let fast = PairedRelay(port: await fastPorts.wait(), log: logs[0])
        let slow = PairedRelay(port: await slowPorts.wait(), log: logs[1])
        try await body(fast, slow, group)
        tasks.cancelAll()
    }
    try await group.shutdownGracefully()
}
