// SPDX-License-Identifier: Apache-2.0

import EventSpool
import Events
import Logging

/// The disk ceiling: `FileEventSpool.append` of the records the collector would append (the events'
/// JSON, partition key = userKey, one append per body), from `concurrency` tasks at once, as concurrent
/// HTTP requests do. With `fsync`, concurrent appends share each `fdatasync` (group commit), so the
/// figure depends on the concurrency; it is the spool's own ceiling, nothing reads the records back.
struct AppendCeiling {
    let batches: [[ExportRecord]]
    let directory: String
    let concurrency: Int
    let fsync: Bool

    /// A failed setup or append.
    struct AppendFailure: Error, CustomStringConvertible {
        let description: String
    }

    init(bodies: [[UInt8]], directory: String, concurrency: Int, fsync: Bool) throws(AppendFailure) {
        var batches: [[ExportRecord]] = []
        for body in bodies {
            let batch: CollectorBatch
            do {
                batch = try CollectorRequestParser.parse(body)
            } catch {
                throw AppendFailure(description: "a body does not parse: \(error.message)")
            }
            batches.append(
                batch.events.map {
                    ExportRecord(data: $0.jsonBytes(), partitionKey: $0.userKey, eventKey: $0.key, acceptedAtNanos: 1)
                })
        }
        self.batches = batches
        self.directory = directory
        self.concurrency = max(1, concurrency)
        self.fsync = fsync
    }

    func run(seconds: Double) async throws -> [String: Any] {
        var logger = Logger(label: "collector-ceilings")
        logger.logLevel = .warning
        let spool = try FileEventSpool(
            directory: directory,
            configuration: .init(durability: fsync ? .fsync : .write, maxSpoolBytes: 1 << 40, whenFull: .reject),
            logger: logger)
        defer { spool.close() }
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int64(seconds * 1000))
        let batches = self.batches
        let totals = try await withThrowingTaskGroup(of: (appends: Int, records: Int, bytes: Int).self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var appends = 0
                    var records = 0
                    var bytes = 0
                    var index = worker % batches.count
                    while clock.now < deadline {
                        let batch = batches[index]
                        index = index + 1 == batches.count ? 0 : index + 1
                        do throws(EventLogError) {
                            try await spool.append(batch)
                        } catch {
                            throw AppendFailure(description: "append failed: \(error.message)")
                        }
                        appends += 1
                        records += batch.count
                        bytes += batch.reduce(0) { $0 + $1.data.count }
                    }
                    return (appends, records, bytes)
                }
            }
            var sum = (appends: 0, records: 0, bytes: 0)
            for try await part in group {
                sum = (sum.appends + part.appends, sum.records + part.records, sum.bytes + part.bytes)
            }
            return sum
        }
        let elapsed = (clock.now - start) / .seconds(1)
        let onDisk = spool.spoolStatistics().bytesOnDisk
        return [
            "durability": fsync ? "fsync" : "write",
            "concurrency": concurrency,
            "seconds": elapsed,
            "appends": totals.appends,
            "events": totals.records,
            "payloadBytes": totals.bytes,
            "bytesOnDisk": onDisk,
            "eventsPerSecond": Double(totals.records) / elapsed,
            "appendsPerSecond": Double(totals.appends) / elapsed,
            "payloadMBPerSecond": Double(totals.bytes) / elapsed / 1e6,
            "diskMBPerSecond": Double(onDisk) / elapsed / 1e6,
        ]
    }
}
