// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import Synchronization
import Testing

@testable import EventSpool

/// A fresh directory under the system temporary directory; removed by ``remove()``.
struct TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/goff-spool-test.XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        try #require(made != nil)
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The segment files, oldest first.
    func segments() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { $0.hasPrefix("segment-") && $0.hasSuffix(".log") }
            .sorted()
            .map { path + "/" + $0 }
    }

    /// The summed size of the segment files.
    func segmentBytes() throws -> Int {
        try segments().reduce(0) { $0 + (try fileSize($1)) }
    }
}

func fileSize(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.size] as? NSNumber)?.intValue ?? -1
}

/// Cuts `count` bytes off the end of a file.
func cutTail(of path: String, bytes count: Int) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.truncate(atOffset: UInt64(try fileSize(path) - count))
}

/// Inverts the bits of the byte at `offset`.
/// Done in place (the file stays the same inode), as a failing disk would.
func flipByte(in path: String, at offset: Int) throws {
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seek(toOffset: UInt64(offset))
    let byte = try #require(try handle.read(upToCount: 1)?.first)
    try handle.seek(toOffset: UInt64(offset))
    try handle.write(contentsOf: [byte ^ 0xFF])
}

/// Log lines kept for assertions.
final class LogCapture: Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    private let storage = Mutex<[Entry]>([])

    var entries: [Entry] { storage.withLock { $0 } }

    var logger: Logger {
        Logger(label: "goff.spool.test") { _ in CaptureHandler(capture: self) }
    }

    func append(_ entry: Entry) {
        storage.withLock { $0.append(entry) }
    }
}

private struct CaptureHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        capture.append(LogCapture.Entry(level: event.level, message: event.message.description, metadata: merged))
    }
}

/// A record whose data is `text`.
func record(_ text: String, key: String = "pk", event: String = "flag", acceptedAt: UInt64 = 0) -> ExportRecord {
    ExportRecord(data: Array(text.utf8), partitionKey: key, eventKey: event, acceptedAtNanos: acceptedAt)
}

/// A record of `size` data bytes, tagged with `index`.
func sized(_ index: Int, size: Int = 100) -> ExportRecord {
    let tag = String(index)
    return record(tag + String(repeating: ".", count: max(0, size - tag.count)))
}

/// The frame size of ``record(_:key:event:acceptedAt:)`` with the default keys.
func frameBytes(dataBytes: Int) -> Int { 8 + 24 + 2 + 4 + dataBytes }

func texts(_ batch: [LoggedRecord]) -> [String] {
    batch.map { String(decoding: $0.record.data, as: UTF8.self) }
}

/// Tail cache sizes key tests run with: off, and the default.
let tailCacheSizes = [0, FileEventSpool.Configuration().tailCacheBytes]

/// `configuration` with a tail cache of `bytes`.
func withTailCache(
    _ bytes: Int, _ configuration: FileEventSpool.Configuration = .init()
)
    -> FileEventSpool.Configuration
{
    var configuration = configuration
    configuration.tailCacheBytes = bytes
    return configuration
}

func openSpool(
    _ directory: TemporaryDirectory, _ configuration: FileEventSpool.Configuration = .init(),
    logs: LogCapture = LogCapture()
) throws -> FileEventSpool {
    try FileEventSpool(directory: directory.path, configuration: configuration, logger: logs.logger)
}

/// Reads until nothing is available; acknowledges what it read when asked.
func drain(_ log: any EventLog, acknowledge: Bool, batch: Int = 500) async -> [LoggedRecord] {
    var all: [LoggedRecord] = []
    while true {
        let next = await log.readAvailable(maxRecords: batch, maxBytes: 5 << 20)
        if next.isEmpty { return all }
        if acknowledge { await log.acknowledge(next.map(\.sequence)) }
        all += next
    }
}
