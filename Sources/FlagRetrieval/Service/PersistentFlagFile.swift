// SPDX-License-Identifier: Apache-2.0

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// GOFF's `persistentFlagConfigurationFile`: a copy of the last good flags, read when the first
/// retrieval fails at start-up.
///
/// Written as JSON (the canonical flag JSON, keys sorted), which is also valid YAML; replaced atomically
/// (temporary file, then `rename`) with mode 0600. Read as JSON, else as YAML, so that a file GOFF wrote
/// (YAML) loads too.
struct PersistentFlagFile: Sendable {
    let path: String

    /// `true` when something exists at the path.
    var exists: Bool {
        access(path, F_OK) == 0
    }

    /// Replaces the file with the flags of `snapshot`.
    func write(_ snapshot: FlagSnapshot) throws(FlagRetrievalError) {
        var bytes = FlagSnapshot.flagMap(snapshot.flags.sortedKeys, snapshot.flagJSON)
        bytes.append(UInt8(ascii: "\n"))
        let temporary = path + ".tmp-\(getpid())"
        let created = FileManager.default.createFile(
            atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        guard created else {
            throw FlagRetrievalError(code: .persistentFile, message: "cannot write \(temporary)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FlagRetrievalError(code: .persistentFile, message: "rename \(temporary) \(path): \(reason)")
        }
    }

    /// The flags in the file, or `nil` when there is no file.
    func read() throws(FlagRetrievalError) -> FlagSet? {
        guard exists else { return nil }
        let bytes = try FileRetriever.readFile(path: path)
        if let flags = try? FlagFileDecoder.decode(bytes, format: .json) { return flags }
        return try FlagFileDecoder.decode(bytes, format: .yaml)
    }
}
