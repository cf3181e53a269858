// SPDX-License-Identifier: Apache-2.0
import Foundation
import Synchronization
import Testing

@testable import AWSAuth

/// A source whose answers the test scripts: each call takes the next outcome (the last one repeats).
final class ScriptedProvider: AWSCredentialProvider {
    enum Outcome: Sendable {
        case credentials(AWSCredentials)
        case failure(CredentialError)
    }

    private let state: Mutex<(outcomes: [Outcome], calls: Int, gateOpen: Bool)>
    private let gated: Bool

    init(_ outcomes: [Outcome], gated: Bool = false) {
        state = Mutex((outcomes, 0, !gated))
        self.gated = gated
    }

    var calls: Int { state.withLock { $0.calls } }

    func openGate() {
        state.withLock { $0.gateOpen = true }
    }

    func credentials() async throws -> AWSCredentials {
        while !state.withLock({ $0.gateOpen }) {
            try await Task.sleep(for: .milliseconds(1))
        }
        let outcome = state.withLock { state in
            state.calls += 1
            return state.outcomes.count > 1 ? state.outcomes.removeFirst() : state.outcomes[0]
        }
        switch outcome {
        case .credentials(let credentials): return credentials
        case .failure(let error): throw error
        }
    }
}

@Suite struct CachingCredentialProviderTests {
    static func temporary(_ id: String, expiring expiration: Date) -> AWSCredentials {
        AWSCredentials(
            accessKeyID: id, secretAccessKey: "secret-\(id)", sessionToken: "token-\(id)", expiration: expiration)
    }

    static let failure = CredentialError(code: .unreachable, variable: "imds", message: "down")

    @Test func cachesUntilTheRefreshWindow() async throws {
        let clock = TestClock()
        let first = Self.temporary("ASIA1", expiring: clock.after(3600))
        let second = Self.temporary("ASIA2", expiring: clock.after(7200))
        let source = ScriptedProvider([.credentials(first), .credentials(second)])
        let cache = CachingCredentialProvider(source, settings: .init(now: clock.now))
        #expect(try await cache.credentials() == first)
        clock.advance(3600 - 301)
        #expect(try await cache.credentials() == first, "5 min 1 s before expiry: still cached")
        #expect(source.calls == 1)
        clock.advance(2)
        #expect(try await cache.credentials() == second, "4 min 59 s before expiry: rotated")
        #expect(try await cache.credentials() == second)
        #expect(source.calls == 2)
        #expect(cache.refreshCount == 2)
    }

    @Test func credentialsWithoutExpiryAreKeptUntilInvalidated() async throws {
        let clock = TestClock()
        let keys = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s")
        let source = ScriptedProvider([.credentials(keys)])
        let cache = CachingCredentialProvider(source, settings: .init(now: clock.now))
        _ = try await cache.credentials()
        clock.advance(86400 * 365)
        _ = try await cache.credentials()
        #expect(source.calls == 1)
        cache.invalidate()
        _ = try await cache.credentials()
        #expect(source.calls == 2)
    }

    @Test func shortLivedCredentialsRefreshHalfwayNotOnEveryCall() async throws {
        let clock = TestClock()
        let source = ScriptedProvider([
            .credentials(Self.temporary("ASIA1", expiring: clock.after(120))),
            .credentials(Self.temporary("ASIA2", expiring: clock.after(1000))),
        ])
        let cache = CachingCredentialProvider(source, settings: .init(now: clock.now))
        #expect(try await cache.credentials().accessKeyID == "ASIA1")
        clock.advance(59)
        #expect(try await cache.credentials().accessKeyID == "ASIA1")
        clock.advance(1)
        #expect(try await cache.credentials().accessKeyID == "ASIA2")
    }

    @Test func aFailedRefreshKeepsValidCredentialsAndBacksOff() async throws {
        let clock = TestClock()
        let first = Self.temporary("ASIA1", expiring: clock.after(600))
        let source = ScriptedProvider([
            .credentials(first), .failure(Self.failure),
            .credentials(Self.temporary("ASIA3", expiring: clock.after(4000))),
        ])
        let events = Mutex<[String]>([])
        let cache = CachingCredentialProvider(source, settings: .init(retryInterval: 30, now: clock.now)) { event in
            events.withLock { $0.append("\(event)") }
        }
        _ = try await cache.credentials()
        clock.advance(400)  // inside the window
        #expect(try await cache.credentials() == first, "static stability")
        #expect(source.calls == 2)
        clock.advance(29)
        #expect(try await cache.credentials() == first)
        #expect(source.calls == 2, "no new attempt within the retry interval")
        clock.advance(1)
        #expect(try await cache.credentials().accessKeyID == "ASIA3")
        #expect(source.calls == 3)
        let log = events.withLock { $0 }
        #expect(log.count == 3)
        #expect(log[1].hasPrefix("credential refresh failed, keeping the previous credentials (valid until"))
        #expect(!log.joined().contains("secret-ASIA1") && !log.joined().contains("token-ASIA1"))
    }

    @Test func aFailedRefreshAfterExpiryThrows() async throws {
        let clock = TestClock()
        let source = ScriptedProvider([
            .credentials(Self.temporary("ASIA1", expiring: clock.after(600))), .failure(Self.failure),
        ])
        let cache = CachingCredentialProvider(source, settings: .init(now: clock.now))
        _ = try await cache.credentials()
        clock.advance(600)
        await #expect(throws: CredentialError.self) { try await cache.credentials() }
        await #expect(throws: CredentialError.self) { try await cache.credentials() }
        #expect(source.calls == 3, "without valid credentials every call tries again")
    }

    @Test func invalidateRejectedOnlyDropsTheRejectedCredentials() async throws {
        let clock = TestClock()
        let first = Self.temporary("ASIA1", expiring: clock.after(3600))
        let second = Self.temporary("ASIA2", expiring: clock.after(3600))
        let source = ScriptedProvider([.credentials(first), .credentials(second)])
        let cache = CachingCredentialProvider(source, settings: .init(now: clock.now))
        _ = try await cache.credentials()
        cache.invalidate(rejected: first)  // AWS said ExpiredToken
        #expect(try await cache.credentials() == second)
        cache.invalidate(rejected: first)  // a late failure of a request signed with the old token
        #expect(try await cache.credentials() == second)
        #expect(source.calls == 2)
    }

    @Test func fiftyConcurrentCallersShareOneRefresh() async throws {
        let clock = TestClock()
        let fresh = Self.temporary("ASIAFRESH", expiring: clock.after(3600))
        let source = ScriptedProvider([.credentials(fresh)], gated: true)
        let cache = CachingCredentialProvider(source, settings: .init(now: clock.now))
        try await withThrowingTaskGroup(of: AWSCredentials.self) { group in
            for _ in 0..<50 {
                group.addTask { try await cache.credentials() }
            }
            try await eventually("all 50 callers wait on the refresh") { cache.waitingCallers == 50 }
            source.openGate()
            var results: [AWSCredentials] = []
            for try await credentials in group {
                results.append(credentials)
            }
            #expect(results.count == 50)
            #expect(results.allSatisfy { $0 == fresh })
        }
        #expect(source.calls == 1)
        #expect(cache.refreshCount == 1)
        #expect(cache.waitingCallers == 0)
    }

    @Test func fiftyConcurrentCallersShareOneRotation() async throws {
        let clock = TestClock()
        let old = Self.temporary("ASIAOLD", expiring: clock.after(600))
        let new = Self.temporary("ASIANEW", expiring: clock.after(4000))
        let source = ScriptedProvider([.credentials(old), .credentials(new)])
        let cache = CachingCredentialProvider(source, settings: .init(now: clock.now))
        #expect(try await cache.credentials() == old)
        clock.advance(301)  // inside the refresh window
        let results = try await withThrowingTaskGroup(of: AWSCredentials.self) { group in
            for _ in 0..<50 {
                group.addTask { try await cache.credentials() }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == new })
        #expect(source.calls == 2)
    }

    @Test func aCancelledWaiterDoesNotCancelTheRefresh() async throws {
        let clock = TestClock()
        let fresh = Self.temporary("ASIAFRESH", expiring: clock.after(3600))
        let source = ScriptedProvider([.credentials(fresh)], gated: true)
        let cache = CachingCredentialProvider(source, settings: .init(now: clock.now))
        let first = Task { try await cache.credentials() }
        try await eventually("the first caller waits") { cache.waitingCallers == 1 }
        first.cancel()
        let second = Task { try await cache.credentials() }
        try await eventually("the second caller joins") { cache.waitingCallers == 2 }
        source.openGate()
        #expect(try await second.value == fresh)
        #expect(source.calls == 1)
    }
}
