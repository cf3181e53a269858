// SPDX-License-Identifier: Apache-2.0
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends accepted records to the record file, in the order they were accepted, in one of two
/// formats (see ``Format``).
///
/// Records are buffered in memory and written by a background thread at least every 100 ms (sooner
/// when 8 MiB are pending), on ``flush()`` and on ``close()``.
final class RecordFileWriter: Sendable {
    /// Why the record file could not be opened or written.
    struct FileError: Error, Sendable {
        /// What failed, with `errno`'s text.
        let message: String
    }

    /// How records are written.
    enum Format: String, Sendable, CaseIterable {
        /// One line per record: the standard padded base64 of the data bytes, then `\n`.
        case base64
        /// Per record: the data length as a 4-byte big-endian integer, then the data bytes
        /// (25 % smaller and cheaper to write; for benchmarks).
        case binary
    }

    /// The file's path.
    let path: String
    /// The record format.
    let format: Format
    private let pending = Mutex<[UInt8]>([])
    /// The descriptor; holding this lock also serializes writes, so lines keep their order.
    private let descriptor: Mutex<Int32>
    private let stopping = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let bytesWritten = Atomic<Int>(0)
    private static let eagerFlushBytes = 8 * 1024 * 1024

    /// Creates (or truncates) the file and starts the flushing thread.
    init(path: String, format: Format) throws(FileError) {
        self.path = path
        self.format = format
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw FileError(message: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        descriptor = Mutex(fd)
        let thread = Thread { [self] in self.run() }
        thread.name = "fake-kinesis-record-file"
        thread.start()
    }

    /// Bytes written to the file so far (since the last ``truncate()``).
    var written: Int { bytesWritten.load(ordering: .relaxed) }

    /// Queues records.
    func append(_ records: [[UInt8]]) {
        var lines: [UInt8] = []
        switch format {
        case .base64:
            lines.reserveCapacity(records.reduce(0) { $0 + ($1.count + 2) / 3 * 4 + 1 })
            for data in records {
                data.withUnsafeBytes { Base64.encode($0, appendingTo: &lines) }
                lines.append(UInt8(ascii: "\n"))
            }
        case .binary:
            lines.reserveCapacity(records.reduce(0) { $0 + $1.count + 4 })
            for data in records {
                let length = UInt32(truncatingIfNeeded: data.count)
                lines.append(UInt8(length >> 24))
                lines.append(UInt8(length >> 16 & 0xFF))
                lines.append(UInt8(length >> 8 & 0xFF))
                lines.append(UInt8(length & 0xFF))
                lines.append(contentsOf: data)
            }
        }
        let size = pending.withLock { buffer in
            buffer.append(contentsOf: lines)
            return buffer.count
        }
        if size >= Self.eagerFlushBytes {
            wake.signal()
        }
    }

    /// Writes everything queued so far before returning.
    func flush() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            var batch: [UInt8] = []
            pending.withLock { swap(&batch, &$0) }
            writeAll(fd, batch)
        }
    }

    /// Drops what is queued and empties the file.
    func truncate() {
        descriptor.withLock { fd in
            pending.withLock { $0.removeAll() }
            guard fd >= 0 else { return }
            if ftruncate(fd, 0) != 0 {
                Log.error("record file: truncate failed: \(String(cString: strerror(errno)))")
            }
            bytesWritten.store(0, ordering: .relaxed)
        }
    }

    /// Flushes, stops the thread and closes the file. Later appends are dropped.
    func close() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        wake.signal()
        finished.wait()
        descriptor.withLock { fd in
            var batch: [UInt8] = []
            pending.withLock { swap(&batch, &$0) }
            if fd >= 0 {
                writeAll(fd, batch)
                Self.closeDescriptor(fd)
            }
            fd = -1
        }
    }

    private func run() {
        while !stopping.load(ordering: .acquiring) {
            _ = wake.wait(timeout: .now() + .milliseconds(100))
            flush()
        }
        finished.signal()
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let count = write(fd, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    Log.error("record file: write failed: \(String(cString: strerror(errno)))")
                    return
                }
                offset += count
            }
        }
        bytesWritten.add(bytes.count, ordering: .relaxed)
    }

    private static func closeDescriptor(_ fd: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(fd)
        #elseif canImport(Darwin)
            _ = Darwin.close(fd)
        #endif
    }
}
