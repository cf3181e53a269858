// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole local flag file on every retrieval (GOFF's `file` retriever; no timeout).
public struct FileRetriever: FlagRetriever {
    /// The path of the flag file.
    public let path: String

    /// Creates a retriever for one file.
    /// - Parameter path: The path of the flag file, absolute or relative to the working directory.
    public init(path: String) {
        self.path = path
    }

    /// Reads the file.
    /// - Returns: Its bytes.
    /// - Throws: ``FlagRetrievalError/Code/fileUnreadable`` with Go's wording, for example
    ///   `open /etc/flags.yaml: no such file or directory`.
    public func retrieve() async throws -> [UInt8] {
        try Self.readFile(path: path)
    }

    /// Reads a whole file synchronously.
    static func readFile(path: String) throws(FlagRetrievalError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open", path, errno) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                return bytes
            } else if errno != EINTR {
                throw failure("read", path, errno)
            }
        }
    }

    /// `<operation> <path>: <reason>` as Go's `*PathError` prints it (lowercase reason).
    private static func failure(_ operation: String, _ path: String, _ code: Int32) -> FlagRetrievalError {
        var reason = String(cString: strerror(code))
        if let first = reason.first {
            reason = first.lowercased() + reason.dropFirst()
        }
        return FlagRetrievalError(code: .fileUnreadable, message: "\(operation) \(path): \(reason)")
    }
}
