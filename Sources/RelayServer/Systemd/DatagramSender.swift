// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends one datagram to an `AF_UNIX` `SOCK_DGRAM` socket from a fresh, unbound socket (as `sd_notify`
/// does: no state to keep, nothing to reconnect after systemd re-executes itself).
enum DatagramSender {
    /// Sends `payload` to the socket `name`: a file-system path, or (if `abstract`) an abstract name
    /// without its leading NUL. `address` is only used in errors.
    static func send(
        _ payload: [UInt8], to name: [UInt8], abstract: Bool, address: String
    ) throws(SystemdNotifierError) {
        #if os(Linux)
            var socketAddress = sockaddr_un()
            socketAddress.sun_family = sa_family_t(AF_UNIX)
            let capacity = MemoryLayout.size(ofValue: socketAddress.sun_path)
            // A path is NUL-terminated; an abstract name starts with NUL and its length is exact.
            let bytes: [UInt8] = abstract ? [0] + name : name + [0]
            guard bytes.count <= capacity else {
                throw SystemdNotifierError(code: .addressTooLong, address: address)
            }
            withUnsafeMutableBytes(of: &socketAddress.sun_path) { raw in
                raw.copyBytes(from: bytes)
            }
            let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path) ?? 2
            // The abstract name's length is part of the name: pass it exactly, no trailing NUL.
            let length = socklen_t(pathOffset + bytes.count)

            let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard descriptor >= 0 else {
                throw SystemdNotifierError(code: .socketFailed, address: address, systemError: errno)
            }
            defer { close(descriptor) }
            while true {
                let sent = payload.withUnsafeBytes { buffer in
                    withUnsafePointer(to: &socketAddress) { pointer in
                        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                            sendto(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL), generic, length)
                        }
                    }
                }
                if sent == payload.count { return }
                if sent < 0 && errno == EINTR { continue }
                throw SystemdNotifierError(code: .sendFailed, address: address, systemError: sent < 0 ? errno : nil)
            }
        #else
            throw SystemdNotifierError(code: .unsupportedPlatform, address: address)
        #endif
    }
}
