// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RelayServer
import ServiceLifecycle
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

@Suite("systemd notifications")
struct SystemdNotifierTests {
    static let quiet = Logger(label: "systemd-test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test("each call sends one exact datagram to a socket in the file system")
    func pathSocket() async throws {
        let listener = try NotifyListener(abstract: false)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        #expect(notifier.destination == .path(listener.address))
        #expect(try notifier.ready())
        #expect(try notifier.watchdog())
        #expect(try notifier.status("listening on 127.0.0.1:1031"))
        #expect(try notifier.notify("RELOADING=1\nMONOTONIC_USEC=42"))
        #expect(try notifier.stopping())
        #expect(
            try await listener.receive(5) == [
                "READY=1", "WATCHDOG=1", "STATUS=listening on 127.0.0.1:1031", "RELOADING=1\nMONOTONIC_USEC=42",
                "STOPPING=1",
            ])
        #expect(try listener.pending().isEmpty)
    }

    @Test("an address starting with @ is an abstract socket, name length exact")
    func abstractSocket() async throws {
        let listener = try NotifyListener(abstract: true)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        #expect(notifier.destination == .abstract(String(listener.address.dropFirst())))
        try notifier.ready()
        try notifier.stopping()
        #expect(try await listener.receive(2) == ["READY=1", "STOPPING=1"])
    }

    @Test("unset or empty NOTIFY_SOCKET: every call is a no-op returning false", arguments: [nil, ""] as [String?])
    func disabled(value: String?) throws {
        let environment = value.map { ["NOTIFY_SOCKET": $0] } ?? [:]
        let notifier = SystemdNotifier(environment: environment)
        #expect(notifier.destination == .none)
        #expect(!notifier.isEnabled)
        #expect(try !notifier.ready())
        #expect(try !notifier.stopping())
        #expect(try !notifier.watchdog())
        #expect(try !notifier.status("x"))
    }

    @Test("line breaks in a status cannot add other assignments")
    func statusIsOneLine() async throws {
        let listener = try NotifyListener(abstract: false)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        try notifier.status("draining\nREADY=1\r\nx")
        #expect(try await listener.receive(1) == ["STATUS=draining READY=1 x"])
    }

    @Test("addresses that are neither /path nor @name are refused", arguments: ["relative.sock", "vsock:2:1234"])
    func unsupportedAddress(value: String) {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": value])
        #expect(notifier.destination == .unsupported(value))
        #expect(throws: SystemdNotifierError(code: .unsupportedAddress, address: value)) { try notifier.ready() }
    }

    @Test("an address longer than sockaddr_un holds is refused")
    func addressTooLong() {
        for value in ["/" + String(repeating: "x", count: 107), "@" + String(repeating: "x", count: 108)] {
            let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": value])
            #expect(throws: SystemdNotifierError(code: .addressTooLong, address: value)) { try notifier.ready() }
        }
    }

    @Test("a socket nobody listens on: sendFailed with ENOENT")
    func nobodyListening() {
        let path = "/tmp/goff-sd-missing-\(UUID().uuidString.prefix(8)).sock"
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        #expect(throws: SystemdNotifierError(code: .sendFailed, address: path, systemError: ENOENT)) {
            try notifier.ready()
        }
    }

    @Test(
        "WATCHDOG_USEC: half of it, in microseconds",
        arguments: [
            ("2000000", Duration.seconds(1)), ("400000", .milliseconds(200)), ("3", .microseconds(1)),
            ("2", .microseconds(1)), ("18446744073709551", .microseconds(9_223_372_036_854_775)),
        ])
    func watchdogInterval(usec: String, expected: Duration) {
        let notifier = SystemdNotifier(environment: ["WATCHDOG_USEC": usec])
        #expect(notifier.watchdogInterval == expected)
    }

    @Test(
        "bad WATCHDOG_USEC values turn the watchdog off",
        arguments: ["", "0", "1", "abc", "-5", "+5", " 100", "100 ", "1.5", "1e6", "99999999999999999999"])
    func badWatchdogInterval(usec: String) {
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": usec]).watchdogInterval == nil)
    }

    @Test("WATCHDOG_PID: the watchdog is on only for the process it names")
    func watchdogPID() {
        #expect(SystemdNotifier(environment: [:]).watchdogInterval == nil)
        let environment = ["WATCHDOG_USEC": "2000000"]
        let own = SystemdNotifier(environment: environment.merging(["WATCHDOG_PID": "\(getpid())"]) { $1 })
        #expect(own.watchdogInterval == .seconds(1))
        let other = SystemdNotifier(environment: environment.merging(["WATCHDOG_PID": "\(getpid() + 1)"]) { $1 })
        #expect(other.watchdogInterval == nil)
        let injected = SystemdNotifier(
            environment: environment.merging(["WATCHDOG_PID": "4242"]) { $1 }, processID: 4242)
        #expect(injected.watchdogInterval == .seconds(1))
        #expect(SystemdNotifier(environment: environment.merging(["WATCHDOG_PID": "x"]) { $1 }).watchdogInterval == nil)
    }

    @Test("the watchdog service pings at its interval until graceful shutdown")
    func watchdogServicePings() async throws {
        let listener = try NotifyListener(abstract: false)
        // WATCHDOG_USEC 20 ms: a ping every 10 ms.
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address, "WATCHDOG_USEC": "20000"])
        let service = SystemdWatchdogService(notifier: notifier, logger: Self.quiet)
        #expect(service.interval == .milliseconds(10))
        let group = ServiceGroup(services: [service], logger: Self.quiet)
        async let run: Void = group.run()
        let pings = try await listener.receive(6)
        await group.triggerGracefulShutdown()
        try await run
        #expect(pings == Array(repeating: "WATCHDOG=1", count: 6))
        #expect(try listener.pending().allSatisfy { $0 == "WATCHDOG=1" })
    }

    @Test("without WATCHDOG_USEC the watchdog service sends nothing and ends at graceful shutdown")
    func watchdogServiceIdle() async throws {
        let listener = try NotifyListener(abstract: false)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        let service = SystemdWatchdogService(notifier: notifier, logger: Self.quiet)
        #expect(service.interval == nil)
        let group = ServiceGroup(services: [service], logger: Self.quiet)
        async let run: Void = group.run()
        await group.triggerGracefulShutdown()
        try await run
        #expect(try listener.pending().isEmpty)
    }

    @Test("listed last, the stopping service sends STOPPING=1 before the others begin to shut down")
    func stoppingServiceComesFirst() async throws {
        let listener = try NotifyListener(abstract: false)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        let group = ServiceGroup(
            services: [
                DrainingService(notifier: notifier), SystemdStoppingService(notifier: notifier, logger: Self.quiet),
            ],
            logger: Self.quiet)
        async let run: Void = group.run()
        await group.triggerGracefulShutdown()
        try await run
        #expect(try await listener.receive(2) == ["STOPPING=1", "X_DRAINED=1"])
    }
}

/// Stands for an exporter: on graceful shutdown it reports that it drained.
private struct DrainingService: Service {
    let notifier: SystemdNotifier

    func run() async throws {
        try await gracefulShutdown()
        try notifier.notify("X_DRAINED=1")
    }
}

/// A bound `AF_UNIX` `SOCK_DGRAM` socket standing in for systemd's notification socket.
private final class NotifyListener {
    /// The `NOTIFY_SOCKET` value: a path, or `@name` for an abstract socket.
    let address: String
    private let descriptor: Int32
    private let path: String?

    init(abstract: Bool) throws {
        let name = "goff-sd-\(getpid())-\(UUID().uuidString.prefix(8))"
        let bytes: [UInt8] = abstract ? [0] + Array(name.utf8) : Array("/tmp/\(name).sock".utf8) + [0]
        address = abstract ? "@" + name : "/tmp/\(name).sock"
        path = abstract ? nil : address
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw ListenerError(call: "socket", code: errno) }
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        let result = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard result == 0 else {
            let code = errno
            close(descriptor)
            throw ListenerError(call: "bind", code: code)
        }
    }

    deinit {
        close(descriptor)
        if let path { unlink(path) }
    }

    /// The datagrams queued right now, without waiting.
    func pending() throws -> [String] {
        var out: [String] = []
        while let datagram = try next() { out.append(datagram) }
        return out
    }

    /// Exactly `count` datagrams, waiting for them (polling, so no thread blocks); a 60 s safety net
    /// turns a missing datagram into an error instead of a hang.
    func receive(_ count: Int) async throws -> [String] {
        var out: [String] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while out.count < count {
            if let datagram = try next() {
                out.append(datagram)
            } else if ContinuousClock.now > deadline {
                throw ListenerError(call: "receive \(count), got \(out)", code: 0)
            } else {
                try await Task.sleep(for: .milliseconds(1))
            }
        }
        return out
    }

    private func next() throws -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if received >= 0 { return String(decoding: buffer[0..<received], as: UTF8.self) }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return nil }
        throw ListenerError(call: "recv", code: errno)
    }
}

private struct ListenerError: Error, CustomStringConvertible {
    var call: String
    var code: Int32
    var description: String { "\(call): errno \(code)" }
}
