// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on `<directory>/lock`, so that two spools (in one process or two) never write the
/// same directory. The kernel releases it when the process dies, `kill -9` included.
final class DirectoryLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock, or returns `nil` when another holder has it.
    init?(directory: String) throws(SystemCallError) {
        let path = directory + "/lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemCallError("open", path: path) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { return nil }
            throw SystemCallError("flock", path: path, code: code)
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
