// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Speaks systemd's service notification protocol (`sd_notify(3)`) without libsystemd: each state
/// change is one datagram of `KEY=VALUE` lines sent to the `AF_UNIX` `SOCK_DGRAM` socket named by
/// `NOTIFY_SOCKET`.
///
/// Everything is read once from an injected environment. When `NOTIFY_SOCKET` is unset or empty (not
/// started by systemd with `Type=notify`), every call is a no-op that returns `false`.
///
/// In the executable:
/// ```swift
/// let notifier = SystemdNotifier(environment: ProcessInfo.processInfo.environment)
/// // in the server's onListening callback:
/// do { try notifier.ready() } catch { logger.warning("systemd READY=1 not sent: \(error)") }
/// // in the ServiceGroup: the watchdog first (it stops last), STOPPING=1 last (it runs first):
/// let services = [SystemdWatchdogService(notifier: notifier, logger: logger)] + others
///     + [SystemdStoppingService(notifier: notifier, logger: logger)]
/// ```
public struct SystemdNotifier: Sendable {
    /// Where the notifications go.
    public enum Destination: Sendable, Equatable {
        /// `NOTIFY_SOCKET` is unset or empty: nothing is sent.
        case none
        /// A socket in the file system (`NOTIFY_SOCKET` starts with `/`).
        case path(String)
        /// A Linux abstract socket (`NOTIFY_SOCKET` starts with `@`); the name without the `@`.
        case abstract(String)
        /// Any other value (e.g. a relative path or a `vsock:` address): sending throws.
        case unsupported(String)
    }

    /// Where the notifications go, parsed from `NOTIFY_SOCKET`.
    public let destination: Destination

    /// How often to send `WATCHDOG=1`: half of `WATCHDOG_USEC`, or `nil` when the watchdog is off.
    ///
    /// `nil` when `WATCHDOG_USEC` is unset, not a positive decimal number of microseconds, or below 2 µs;
    /// also when `WATCHDOG_PID` is set and is not this process (the watchdog is meant for another one).
    /// Like `sd_watchdog_enabled(3)` this does not look at `NOTIFY_SOCKET`; pings go nowhere without it.
    public let watchdogInterval: Duration?

    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` from `environment`.
    /// - Parameters:
    ///   - environment: the process environment, e.g. `ProcessInfo.processInfo.environment`.
    ///   - processID: this process's id, compared with `WATCHDOG_PID` (default: `getpid()`).
    public init(environment: [String: String], processID: Int32 = Int32(getpid())) {
        self.destination = Self.destination(from: environment["NOTIFY_SOCKET"])
        self.watchdogInterval = Self.watchdogInterval(
            microseconds: environment["WATCHDOG_USEC"], watchdogPID: environment["WATCHDOG_PID"], processID: processID)
    }

    /// Whether `NOTIFY_SOCKET` is set, i.e. whether notifications are sent at all.
    public var isEnabled: Bool { destination != .none }

    /// Sends `state` (one or more newline-separated `KEY=VALUE` assignments) as one datagram.
    /// - Returns: `true` if it was sent, `false` if `NOTIFY_SOCKET` is unset.
    /// - Throws: ``SystemdNotifierError`` if the address is unusable or the datagram could not be sent.
    @discardableResult
    public func notify(_ state: String) throws(SystemdNotifierError) -> Bool {
        switch destination {
        case .none:
            return false
        case .unsupported(let value):
            throw SystemdNotifierError(code: .unsupportedAddress, address: value)
        case .path(let path):
            try DatagramSender.send(Array(state.utf8), to: Array(path.utf8), abstract: false, address: path)
            return true
        case .abstract(let name):
            try DatagramSender.send(Array(state.utf8), to: Array(name.utf8), abstract: true, address: "@" + name)
            return true
        }
    }

    /// Sends `READY=1`: start-up is finished (configuration valid, port listening).
    @discardableResult
    public func ready() throws(SystemdNotifierError) -> Bool { try notify("READY=1") }

    /// Sends `STOPPING=1`: a graceful shutdown has begun.
    @discardableResult
    public func stopping() throws(SystemdNotifierError) -> Bool { try notify("STOPPING=1") }

    /// Sends `WATCHDOG=1`: the process is alive.
    @discardableResult
    public func watchdog() throws(SystemdNotifierError) -> Bool { try notify("WATCHDOG=1") }

    /// Sends `STATUS=<text>`, shown by `systemctl status`. Line breaks in `text` become spaces, so the
    /// text cannot smuggle in other assignments.
    @discardableResult
    public func status(_ text: String) throws(SystemdNotifierError) -> Bool {
        let line = String(text.map { $0.isNewline ? " " : $0 })
        return try notify("STATUS=" + line)
    }

    static func destination(from value: String?) -> Destination {
        guard let value, !value.isEmpty else { return .none }
        if value.hasPrefix("/") { return .path(value) }
        if value.hasPrefix("@") { return .abstract(String(value.dropFirst())) }
        return .unsupported(value)
    }

    static func watchdogInterval(microseconds: String?, watchdogPID: String?, processID: Int32) -> Duration? {
        if let watchdogPID {
            guard let pid = decimal(watchdogPID), pid == Int64(processID) else { return nil }
        }
        guard let text = microseconds, let usec = decimal(text), usec >= 2 else { return nil }
        return .microseconds(usec / 2)
    }

    /// A non-negative decimal made of ASCII digits only (no sign, no spaces), within `Int64`.
    private static func decimal(_ text: String) -> Int64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int64(text)
    }
}
