// SPDX-License-Identifier: Apache-2.0

import CurlTransport
import EventSpool
import Events
import FlagRetrieval
import Hummingbird
import KinesisExporter
import Logging
import NIOPosix
import RelayServer

/// The flags of the evaluation route tests (a targeting rule with a name, a disabled flag, an untracked
/// flag, a split).
let testFlagsJSON = #"""
    {"email-flag":{"variations":{"on":true,"off":false},
       "targeting":[{"name":"staff","query":"email ew \"@example.com\"","variation":"on"}],
       "defaultRule":{"variation":"off"}},
     "off-flag":{"variations":{"a":"x"},"defaultRule":{"variation":"a"},"disable":true},
     "quiet-flag":{"variations":{"a":1},"defaultRule":{"variation":"a"},"trackEvents":false},
     "split-flag":{"variations":{"a":1,"b":2},"defaultRule":{"percentage":{"a":50,"b":50}}}}
    """#

/// A flag source holding `testFlagsJSON`, parsed by the production normalizer.
func testFlagSource() throws -> FlagSource {
    let normalizer = EngineFlagNormalizer()
    let store = FlagStore(normalizer: normalizer, logger: Logger(label: "test"))
    guard case .object(let object) = try JSONParser.parse(testFlagsJSON) else { throw CancellationError() }
    try store.install(FlagSet(object.members.map { ($0.key, $0.value) }))
    return FlagSource(store: store, normalizer: normalizer)
}

/// A dispatcher sending feature events to `log` under `partitionKey`.
func testDispatcher(
    _ log: MemoryEventLog, partitionKey: PartitionKeyStrategy = .constant("default")
)
    -> EventDispatcher
{
    EventDispatcher(targets: [ExportTarget(name: "test", eventKind: .feature, log: log, partitionKey: partitionKey)])
}

/// The port an application reports once it listens (`onListening`), awaited by the test.
actor ListeningPort {
    private var port: Int?
    private var waiters: [CheckedContinuation<Int, Never>] = []

    /// Records the port and wakes every waiter.
    func set(_ value: Int) {
        port = value
        for waiter in waiters { waiter.resume(returning: value) }
        waiters = []
    }

    /// The port, once the application listens.
    func wait() async -> Int {
        if let port { return port }
        return await withCheckedContinuation { waiters.append($0) }
    }
}

/// Runs `app` (made with `onListening` setting `port`) until `body` returns, with a libcurl client and the
/// base URL; then shuts the client and `group` down.
func serveOnLoopback<App: ApplicationProtocol>(
    _ app: App, port: ListeningPort, group: MultiThreadedEventLoopGroup,
    _ body: (_ base: String, _ client: CurlHTTPClient) async throws -> Void
) async throws {
    let client = CurlHTTPClient()
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await app.run() }
        let bound = await port.wait()
        try await body("http://127.0.0.1:\(bound)", client)
        tasks.cancelAll()
    }
    await client.shutdown()
    try await group.shutdownGracefully()
}

/// A response body as text.
func text(_ response: CurlTransport.HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }
