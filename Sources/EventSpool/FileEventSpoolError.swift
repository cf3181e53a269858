// SPDX-License-Identifier: Apache-2.0

/// Why a ``FileEventSpool`` could not open its directory.
public struct FileEventSpoolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String
        /// Another spool (in this process or another) holds the directory's lock.
        public static let locked = Code(name: "locked")
        /// A system call failed (permissions, missing disk, I/O error).
        public static let io = Code(name: "io")
        /// The syncer thread could not be started.
        public static let thread = Code(name: "thread")
        /// Human-readable name.
        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// A message naming the directory or file and the cause.
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension EventLogError.Code {
    /// Writing or flushing the spool failed (I/O error). The append was not made durable; retry later.
    /// After a failed flush the spool refuses every later append, because the kernel may have dropped
    /// the unflushed data: restarting the process recovers what reached the disk.
    public static let ioFailure = EventLogError.Code(name: "io")
}
