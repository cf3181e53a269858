// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A notification that could not be sent to systemd.
public struct SystemdNotifierError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// `NOTIFY_SOCKET` is neither an absolute path nor an abstract name (`@…`).
        case unsupportedAddress
        /// The address does not fit in `sockaddr_un` (107 bytes for a path, 107 after the `@`).
        case addressTooLong
        /// `socket(AF_UNIX, SOCK_DGRAM)` failed.
        case socketFailed
        /// `sendto` failed, or sent only part of the datagram.
        case sendFailed
        /// This platform has no systemd (not Linux).
        case unsupportedPlatform
    }

    /// What went wrong.
    public var code: Code
    /// The `NOTIFY_SOCKET` value concerned.
    public var address: String
    /// The `errno` value, for failed system calls.
    public var systemError: Int32?

    /// Creates an error.
    public init(code: Code, address: String, systemError: Int32? = nil) {
        self.code = code
        self.address = address
        self.systemError = systemError
    }

    /// One line: the code, the address and the system error text if any.
    public var description: String {
        let what: String
        switch code {
        case .unsupportedAddress: what = "unsupported NOTIFY_SOCKET address (not /path or @name)"
        case .addressTooLong: what = "NOTIFY_SOCKET address too long for sockaddr_un"
        case .socketFailed: what = "cannot create an AF_UNIX datagram socket"
        case .sendFailed: what = "cannot send the notification"
        case .unsupportedPlatform: what = "systemd notifications are only supported on Linux"
        }
        guard let systemError else { return "\(what): \(address)" }
        return "\(what): \(address): \(String(cString: strerror(systemError)))"
    }
}
