// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One open segment: `segment-<first sequence, 20 digits>.log` in the spool directory.
///
/// The descriptor is closed when the last reference goes away, never before: a reader or the syncer that
/// still holds a segment can finish with it even after the spool deleted the file.
final class SegmentFile: Sendable {
    /// The sequence of the segment's first record (also of its name).
    let firstSequence: UInt64
    /// The file's path.
    let path: String
    /// The open descriptor (read and write).
    let descriptor: Int32

    private init(firstSequence: UInt64, path: String, descriptor: Int32) {
        self.firstSequence = firstSequence
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The file name of the segment starting at `firstSequence`.
    static func name(firstSequence: UInt64) -> String {
        let digits = String(firstSequence)
        return "segment-" + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + ".log"
    }

    /// The first sequence encoded in a segment file name, or `nil` when `name` is not one.
    static func firstSequence(fromName name: String) -> UInt64? {
        guard name.hasPrefix("segment-"), name.hasSuffix(".log") else { return nil }
        let digits = name.dropFirst("segment-".count).dropLast(".log".count)
        guard digits.count == 20, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt64(digits)
    }

    /// Opens an existing segment.
    static func open(directory: String, firstSequence: UInt64) throws(SystemCallError) -> SegmentFile {
        try make(directory: directory, firstSequence: firstSequence, flags: O_RDWR | O_CLOEXEC)
    }

    /// Creates a new, empty segment; fails if the file exists.
    static func create(directory: String, firstSequence: UInt64) throws(SystemCallError) -> SegmentFile {
        try make(directory: directory, firstSequence: firstSequence, flags: O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC)
    }

    private static func make(
        directory: String, firstSequence: UInt64, flags: Int32
    ) throws(SystemCallError)
        -> SegmentFile
    {
        let path = directory + "/" + name(firstSequence: firstSequence)
        let descriptor = openFile(path, flags)
        guard descriptor >= 0 else { throw SystemCallError("open", path: path) }
        return SegmentFile(firstSequence: firstSequence, path: path, descriptor: descriptor)
    }

    /// Removes the file (the descriptor stays usable until released).
    func unlink() throws(SystemCallError) {
        if removeFile(path) != 0 && errno != ENOENT { throw SystemCallError("unlink", path: path) }
    }
}

private func openFile(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags, 0o644)
}

private func removeFile(_ path: String) -> Int32 {
    unlink(path)
}
