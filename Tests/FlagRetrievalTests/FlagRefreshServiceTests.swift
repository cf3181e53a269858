// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import Events
import Logging
import Testing

@testable import FlagRetrieval

/// A service whose polls are driven by `sleeper`.
func makeService(
    _ retrievers: [any FlagRetriever], _ configuration: FlagRefreshService.Configuration = .init(),
    logger: Logger = quietLogger, sleeper: ManualSleeper = ManualSleeper()
) -> FlagRefreshService {
    FlagRefreshService(
        retrievers: retrievers, configuration: configuration, store: FlagStore(logger: logger), logger: logger,
        pollingPeriod: .seconds(1), sleep: { _ in try await sleeper.sleep() })
}

@Suite("Flag refresh service")
struct FlagRefreshServiceTests {
    @Test("polls: a changed file is installed, a broken one keeps the last good flags and logs one line")
    func polling() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let path = try directory.write("flags.yaml", "a:\n  version: one\n")
        let lines = LogLines()
        let sleeper = ManualSleeper()
        let service = makeService([FileRetriever(path: path)], logger: lines.logger(), sleeper: sleeper)
        let running = Task { try await service.run() }
        try await service.initialLoad()
        #expect(service.store.flags["a"] == ["version": "one"])
        await sleeper.waitForSleeps(1)

        try directory.write("flags.yaml", "a:\n  version: two\n")
        var changes = service.store.changes().makeAsyncIterator()
        sleeper.tick()
        let change = try #require(await changes.next())
        #expect(change.updated == ["a"])
        #expect(service.store.flags["a"] == ["version": "two"])

        await sleeper.waitForSleeps(2)
        try directory.write("flags.yaml", "a: [broken\n")
        sleeper.tick()
        await sleeper.waitForSleeps(3)
        #expect(service.store.flags["a"] == ["version": "two"])
        let failures = lines.all.filter { $0.hasPrefix("error ") }
        #expect(failures.count == 1)
        #expect(failures.first?.contains("the previous flags are kept goff.error=yaml: line ") == true)
        #expect(failures.first?.hasSuffix("goff.reason=polling") == true)

        running.cancel()
        try await running.value
    }

    @Test("a failed HTTP refresh logs the status, never the headers or body")
    func noSecretsInLogs() async throws {
        let server = try FlagServer { _ in .init(status: 503, body: "token=abc") }
        defer { server.stop() }
        let client = CurlHTTPClient()
        let lines = LogLines()
        let retriever = HTTPRetriever(
            url: server.baseURL + "/flags", body: "password=hunter2", headers: ["Authorization": ["Bearer s3cret"]],
            transport: client)
        let service = makeService([retriever], .init(startWithRetrieverError: true), logger: lines.logger())
        try await service.initialLoad()
        #expect(await service.refreshNow() == false)
        await client.shutdown()
        let joined = lines.all.joined(separator: "\n")
        #expect(joined.contains("request to \(server.baseURL)/flags failed with code 503"))
        #expect(!joined.contains("s3cret") && !joined.contains("hunter2") && !joined.contains("token=abc"))
        #expect(lines.all.allSatisfy { !$0.contains("\n") })
    }

    @Test("refreshNow reports whether every retriever succeeded, like the admin refresh endpoint")
    func refreshNow() async throws {
        let retriever = ScriptedRetriever(.bytes("a:\n  version: one\n"))
        let service = makeService([retriever])
        try await service.initialLoad()
        retriever.set(.bytes("a:\n  version: two\n"))
        #expect(await service.refreshNow())
        #expect(service.store.flags["a"] == ["version": "two"])
        retriever.set(.failure("down"))
        #expect(await service.refreshNow() == false)
        #expect(service.store.flags["a"] == ["version": "two"])
    }

    @Test("the initial load runs once however many callers wait for it")
    func initialLoadOnce() async throws {
        let retriever = ScriptedRetriever(.bytes("a:\n  version: one\n"))
        let service = makeService([retriever])
        async let first: Void = service.initialLoad()
        async let second: Void = service.initialLoad()
        _ = try await (first, second)
        try await service.initialLoad()
        #expect(retriever.callCount == 1)
    }

    @Test("the polling period follows GOFF's rules and the jitter is chosen once")
    func pollingPeriod() {
        let store = FlagStore(logger: quietLogger)
        func period(_ milliseconds: Int, jitter: Bool = false) -> Duration? {
            FlagRefreshService(
                retrievers: [],
                configuration: .init(pollingInterval: milliseconds, enablePollingJitter: jitter), store: store,
                logger: quietLogger
            ).pollingPeriod
        }
        #expect(period(0) == .seconds(60))
        #expect(period(250) == .seconds(1))
        #expect(period(5000) == .seconds(5))
        #expect(period(-1) == nil)
        let jittered = period(10_000, jitter: true)
        #expect(jittered.map { $0 >= .seconds(9) && $0 <= .seconds(11) } == true)
    }

    @Test("with polling off, run returns when the task is cancelled")
    func noPolling() async throws {
        let service = FlagRefreshService(
            retrievers: [ScriptedRetriever(.bytes("a:\n  version: x\n"))],
            configuration: .init(pollingInterval: -1), store: FlagStore(logger: quietLogger), logger: quietLogger)
        let running = Task { try await service.run() }
        try await service.initialLoad()
        #expect(service.store.flags.count == 1)
        running.cancel()
        try await running.value
    }
}
