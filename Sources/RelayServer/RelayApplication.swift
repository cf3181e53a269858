// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import Logging
import NIOCore
import NIOPosix

/// Builds the relay's HTTP application: routes, middleware and listener settings.
public enum RelayApplication {
    /// Listener and request settings.
    public struct Settings: Sendable {
        /// The address to bind, e.g. `0.0.0.0`.
        public var host: String
        /// The port; 0 picks a free one.
        public var port: Int
        /// The largest accepted request body, in bytes.
        public var maxBodyBytes: Int
        /// The `Retry-After` value sent with 503 answers, in seconds.
        public var retryAfterSeconds: Int

        /// Creates settings.
        public init(host: String, port: Int, maxBodyBytes: Int = 16 * 1_048_576, retryAfterSeconds: Int = 1) {
            self.host = host
            self.port = port
            self.maxBodyBytes = maxBodyBytes
            self.retryAfterSeconds = retryAfterSeconds
        }
    }

    /// The router with every route of the relay.
    public static func makeRouter(settings: Settings, dispatcher: EventDispatcher) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.middlewares.add(JSONErrorMiddleware())
        CollectorController(
            dispatcher: dispatcher, maxBodyBytes: settings.maxBodyBytes, retryAfterSeconds: settings.retryAfterSeconds
        ).register(on: router)
        router.get("/health") { _, _ in
            JSONResponse.make(status: .ok, bytes: Array("{\"initialized\":true}".utf8))
        }
        return router
    }

    /// The application (a `Service`) serving `router` on one event-loop thread: on a small machine one
    /// loop gives the same throughput as two with a far lower tail latency.
    /// - Parameter onListening: called with the bound port once the server listens.
    public static func make(
        settings: Settings,
        dispatcher: EventDispatcher,
        eventLoopGroup: MultiThreadedEventLoopGroup,
        logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = makeRouter(settings: settings, dispatcher: dispatcher)
        return Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in
                await onListening(channel.localAddress?.port ?? settings.port)
            },
            eventLoopGroupProvider: .shared(eventLoopGroup),
            logger: logger)
    }
}
