// SPDX-License-Identifier: Apache-2.0

import EventSpool
import Foundation
import Synchronization

/// Where records that can never be sent go (a record over the size limit, a record Kinesis rejects
/// alone as invalid): one JSON line per record, appended to a file and flushed.
public protocol DeadLetterSink: Sendable {
    /// Stores `record` with the reason it cannot be sent. Returns false if it could not be stored.
    func store(_ record: ExportRecord, reason: String) -> Bool
}

/// A ``DeadLetterSink`` appending JSON lines `{"time","reason","eventKey","partitionKey","size","data"}`
/// (`data` base64) to a file, created with its directory on first use.
public final class DeadLetterFile: DeadLetterSink {
    /// The file's path.
    public let path: String
    private let handle = Mutex<FileHandle?>(nil)

    /// Creates a sink writing to `path`.
    public init(path: String) {
        self.path = path
    }

    public func store(_ record: ExportRecord, reason: String) -> Bool {
        let line: [String: Any] = [
            "time": ISO8601DateFormatter().string(from: Date()),
            "reason": reason,
            "eventKey": record.eventKey,
            "partitionKey": record.partitionKey,
            "size": record.kinesisSize,
            "data": Data(record.data).base64EncodedString(),
        ]
        guard var bytes = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]) else {
            return false
        }
        bytes.append(0x0A)
        return handle.withLock { handle -> Bool in
            do {
                if handle == nil { handle = try openForAppend() }
                guard let file = handle else { return false }
                try file.write(contentsOf: bytes)
                try file.synchronize()
                return true
            } catch {
                return false
            }
        }
    }

    private func openForAppend() throws -> FileHandle {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let file = try FileHandle(forWritingTo: url)
        try file.seekToEnd()
        return file
    }
}
