// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The persisted ``AcknowledgedSet``: `<directory>/cursor`.
///
/// Layout (little-endian): the 8 magic bytes `GOFFSPC1`, the cursor (u64), the range count (u32), each range
/// as two u64 (lower, upper), then a CRC-32C of everything before it.
///
/// It is replaced atomically (write `cursor.tmp`, then rename) and never fsynced. That is enough: a `kill -9`
/// cannot lose a completed rename, and after a power loss an older (or unreadable) cursor only means that
/// records already delivered are sent again; nothing is ever skipped, because a cursor only ever claims
/// records that were acknowledged, and those were durable before they could be read. The same argument
/// covers the batching of stores (see `SpoolCore+Cursor.swift`): a file that lags the in-memory set is
/// only an older cursor.
struct CursorFile: Sendable {
    /// The file's path.
    let path: String

    private static let magic: [UInt8] = Array("GOFFSPC1".utf8)

    /// The cursor file of `directory`.
    init(directory: String) {
        self.path = directory + "/cursor"
    }

    /// The encoded form of `set`.
    static func encode(_ set: AcknowledgedSet) -> [UInt8] {
        var bytes = magic
        bytes.reserveCapacity(24 + set.ranges.count * 16)
        append(set.cursor, to: &bytes)
        append(UInt32(set.ranges.count), to: &bytes)
        for range in set.ranges {
            append(range.lowerBound, to: &bytes)
            append(range.upperBound, to: &bytes)
        }
        append(CRC32C.checksum(bytes), to: &bytes)
        return bytes
    }

    /// Decodes a cursor file, or returns `nil` when the bytes are not a valid one.
    static func decode(_ bytes: [UInt8]) -> AcknowledgedSet? {
        guard bytes.count >= 24, Array(bytes[0..<8]) == magic else { return nil }
        let count = Int(load(UInt32.self, bytes, 16))
        guard bytes.count == 24 + count * 16 else { return nil }
        guard load(UInt32.self, bytes, bytes.count - 4) == CRC32C.checksum(bytes[0..<(bytes.count - 4)]) else {
            return nil
        }
        var ranges: [ClosedRange<UInt64>] = []
        ranges.reserveCapacity(count)
        for index in 0..<count {
            let lower = load(UInt64.self, bytes, 20 + index * 16)
            let upper = load(UInt64.self, bytes, 28 + index * 16)
            guard lower <= upper else { return nil }
            ranges.append(lower...upper)
        }
        return AcknowledgedSet(cursor: load(UInt64.self, bytes, 8), ranges: ranges)
    }

    /// What the file holds.
    enum Contents: Sendable, Equatable {
        /// No cursor file: nothing was ever acknowledged.
        case missing
        /// A file that is not a valid cursor.
        case unreadable
        /// A valid cursor.
        case valid(AcknowledgedSet)
    }

    /// Reads the file.
    func load() throws(SystemCallError) -> Contents {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return .missing }
            throw SystemCallError("open", path: path)
        }
        defer { close(descriptor) }
        let size = try FileIO.size(descriptor, path: path)
        guard size <= 64 << 20 else { return .unreadable }
        var bytes: [UInt8] = []
        let read = try FileIO.read(into: &bytes, count: size, from: descriptor, at: 0, path: path)
        return Self.decode(Array(bytes[0..<read])).map { .valid($0) } ?? .unreadable
    }

    /// Replaces the file with `set` (temporary file, then rename; no fsync, see the type's notes).
    func store(_ set: AcknowledgedSet) throws(SystemCallError) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemCallError("open", path: temporary) }
        let bytes = Self.encode(set)
        do {
            try FileIO.write(bytes, to: descriptor, at: 0, path: temporary)
        } catch {
            close(descriptor)
            throw error
        }
        close(descriptor)
        if rename(temporary, path) != 0 { throw SystemCallError("rename", path: path) }
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func load<T: FixedWidthInteger>(_ type: T.Type, _ bytes: [UInt8], _ offset: Int) -> T {
        bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }
}
