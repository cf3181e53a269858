// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed system call, with the file it concerned.
struct SystemCallError: Error, Sendable, CustomStringConvertible {
    /// The call, e.g. `pwrite`.
    var operation: String
    /// The file or directory.
    var path: String
    /// The `errno` value.
    var code: Int32

    /// Captures the current `errno`.
    init(_ operation: String, path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// Whether the failure means the disk or quota is full.
    var isOutOfSpace: Bool { code == ENOSPC || code == EDQUOT }

    var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
}

/// Blocking file I/O that retries interrupted and short transfers.
enum FileIO {
    /// Writes all of `bytes` at `offset`.
    static func write(
        _ bytes: UnsafeRawBufferPointer, to descriptor: Int32, at offset: Int, path: String
    )
        throws(SystemCallError)
    {
        var done = 0
        while done < bytes.count {
            let result = pwrite(
                descriptor, bytes.baseAddress.map { $0 + done }, bytes.count - done, off_t(offset + done))
            if result < 0 {
                if errno == EINTR { continue }
                throw SystemCallError("pwrite", path: path)
            }
            done += result
        }
    }

    /// Writes all of `bytes` at `offset`.
    static func write(_ bytes: [UInt8], to descriptor: Int32, at offset: Int, path: String) throws(SystemCallError) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(SystemCallError) in try write(raw, to: descriptor, at: offset, path: path) }
        }
        try result.get()
    }

    /// Reads up to `count` bytes at `offset` into the start of `bytes` (grown if needed); fewer only at the
    /// end of the file.
    static func read(
        into bytes: inout [UInt8], count: Int, from descriptor: Int32, at offset: Int, path: String
    )
        throws(SystemCallError) -> Int
    {
        if bytes.count < count { bytes += [UInt8](repeating: 0, count: count - bytes.count) }
        let result = bytes.withUnsafeMutableBytes { raw in
            Result { () throws(SystemCallError) -> Int in
                try read(
                    into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<count]), from: descriptor, at: offset,
                    path: path)
            }
        }
        return try result.get()
    }

    /// Reads up to `buffer.count` bytes at `offset`; fewer only at the end of the file.
    static func read(
        into buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, at offset: Int, path: String
    )
        throws(SystemCallError) -> Int
    {
        var done = 0
        while done < buffer.count {
            let result = pread(
                descriptor, buffer.baseAddress.map { $0 + done }, buffer.count - done, off_t(offset + done))
            if result < 0 {
                if errno == EINTR { continue }
                throw SystemCallError("pread", path: path)
            }
            if result == 0 { break }
            done += result
        }
        return done
    }

    /// Flushes a file's data (and the metadata needed to read it back) to stable storage.
    static func syncData(_ descriptor: Int32, path: String) throws(SystemCallError) {
        #if canImport(Glibc)
            let result = fdatasync(descriptor)
        #else
            let result = fsync(descriptor)
        #endif
        if result != 0 { throw SystemCallError("fdatasync", path: path) }
    }

    /// Flushes a directory, making file creations and renames in it durable.
    static func syncDirectory(_ path: String) throws(SystemCallError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemCallError("open", path: path) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw SystemCallError("fsync", path: path) }
    }

    /// Cuts a file to `length` bytes and flushes the new size.
    static func truncate(_ descriptor: Int32, to length: Int, path: String) throws(SystemCallError) {
        if ftruncate(descriptor, off_t(length)) != 0 { throw SystemCallError("ftruncate", path: path) }
        if fsync(descriptor) != 0 { throw SystemCallError("fsync", path: path) }
    }

    /// The size of an open file.
    static func size(_ descriptor: Int32, path: String) throws(SystemCallError) -> Int {
        var info = stat()
        if fstat(descriptor, &info) != 0 { throw SystemCallError("fstat", path: path) }
        return Int(info.st_size)
    }

    /// The names in a directory (without `.` and `..`).
    static func names(in directory: String) throws(SystemCallError) -> [String] {
        guard let handle = opendir(directory) else { throw SystemCallError("opendir", path: directory) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Creates `path` and its missing parents as directories.
    static func makeDirectories(_ path: String) throws(SystemCallError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += prefix.isEmpty || prefix.hasSuffix("/") ? String(component) : "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw SystemCallError("mkdir", path: prefix)
            }
        }
    }
}
