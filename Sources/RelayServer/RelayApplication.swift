// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

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
        /// A separate port for health, info and metrics (`server.monitoringPort`), or nil.
        public var monitoringPort: Int?
        /// The `X-GOFEATUREFLAG-VERSION` value, or nil to leave the header out.
        public var versionHeader: String?
        /// Whether OFREP single evaluations are answered on the event loop by ``OFREPFastPathHandler`` (same
        /// answers as the router, without its per-request task hops); off sends them through the router.
        public var ofrepFastPath: Bool

        /// Creates settings.
        public init(
            host: String, port: Int, maxBodyBytes: Int = 16 * 1_048_576, retryAfterSeconds: Int = 1,
            monitoringPort: Int? = nil, versionHeader: String? = nil, ofrepFastPath: Bool = true
        ) {
            self.host = host
            self.port = port
            self.maxBodyBytes = maxBodyBytes
            self.retryAfterSeconds = retryAfterSeconds
            self.monitoringPort = monitoringPort
            self.versionHeader = versionHeader
            self.ofrepFastPath = ofrepFastPath
        }
    }

    /// The router with every route of the relay. With a separate monitoring port, health, info and
    /// metrics are left to ``makeMonitoringRouter(status:)``. With `evaluation`, GOFF's evaluation routes too.
    public static func makeRouter(
        settings: Settings, dispatcher: EventDispatcher, keys: APIKeyStore = APIKeyStore(evaluation: [], admin: []),
        status: RelayStatus = .empty, evaluation: EvaluationRoutes? = nil, logger: Logger = Logger(label: "goff-relay")
    ) -> Router<BasicRequestContext> {
        makeRouter(
            settings: settings, dispatcher: dispatcher, keys: keys, status: status,
            controller: evaluationController(
                settings: settings, dispatcher: dispatcher, evaluation: evaluation, logger: logger))
    }

    /// The evaluation routes' controller (shared by the router and the OFREP fast path), or nil without them.
    static func evaluationController(
        settings: Settings, dispatcher: EventDispatcher, evaluation: EvaluationRoutes?, logger: Logger
    ) -> EvaluationController? {
        evaluation.map {
            EvaluationController(
                routes: $0, events: EvaluationEventBuffer(dispatcher: dispatcher, logger: logger),
                maxBodyBytes: settings.maxBodyBytes)
        }
    }

    static func makeRouter(
        settings: Settings, dispatcher: EventDispatcher, keys: APIKeyStore, status: RelayStatus,
        controller: EvaluationController?
    ) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        if let version = settings.versionHeader {
            router.middlewares.add(VersionHeaderMiddleware(version: version))
        }
        router.middlewares.add(RequestMetricsMiddleware())
        router.middlewares.add(JSONErrorMiddleware())
        router.middlewares.add(APIKeyMiddleware(store: keys))
        CollectorController(
            dispatcher: dispatcher, maxBodyBytes: settings.maxBodyBytes, retryAfterSeconds: settings.retryAfterSeconds
        ).register(on: router)
        controller?.register(on: router)
        if settings.monitoringPort == nil {
            OperationsController(status: status).register(on: router)
        }
        return router
    }

    /// The router of `server.monitoringPort`: health, info and metrics, no keys, no version header.
    public static func makeMonitoringRouter(status: RelayStatus) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.middlewares.add(JSONErrorMiddleware())
        OperationsController(status: status).register(on: router)
        return router
    }

    /// The HTTP services: the API application, and the monitoring one when a monitoring port is set.
    /// Each serves on the one event-loop thread of `eventLoopGroup`: on a small machine one loop gives the
    /// same throughput as two with a far lower tail latency.
    /// - Parameter onListening: called with the bound API port once the server listens.
    public static func makeServices(
        settings: Settings,
        dispatcher: EventDispatcher,
        keys: APIKeyStore,
        status: RelayStatus,
        eventLoopGroup: MultiThreadedEventLoopGroup,
        logger: Logger,
        evaluation: EvaluationRoutes? = nil,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> [any Service] {
        let controller = evaluationController(
            settings: settings, dispatcher: dispatcher, evaluation: evaluation, logger: logger)
        let api = Application(
            router: makeRouter(
                settings: settings, dispatcher: dispatcher, keys: keys, status: status, controller: controller),
            server: server(settings: settings, keys: keys, controller: controller),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? settings.port) },
            eventLoopGroupProvider: .shared(eventLoopGroup),
            logger: logger)
        guard let monitoringPort = settings.monitoringPort else { return [api] }
        let monitoring = Application(
            router: makeMonitoringRouter(status: status),
            configuration: .init(address: .hostname(settings.host, port: monitoringPort), serverName: nil),
            eventLoopGroupProvider: .shared(eventLoopGroup),
            logger: logger)
        return [monitoring, api]
    }

    /// The API application alone (tests).
    public static func make(
        settings: Settings,
        dispatcher: EventDispatcher,
        eventLoopGroup: MultiThreadedEventLoopGroup,
        logger: Logger,
        keys: APIKeyStore = APIKeyStore(evaluation: [], admin: []),
        status: RelayStatus = .empty,
        evaluation: EvaluationRoutes? = nil,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let controller = evaluationController(
            settings: settings, dispatcher: dispatcher, evaluation: evaluation, logger: logger)
        return Application(
            router: makeRouter(
                settings: settings, dispatcher: dispatcher, keys: keys, status: status, controller: controller),
            server: server(settings: settings, keys: keys, controller: controller),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? settings.port) },
            eventLoopGroupProvider: .shared(eventLoopGroup),
            logger: logger)
    }

    /// The HTTP/1 server, with the OFREP fast path in each connection's pipeline when it is on and the
    /// evaluation routes are served.
    static func server(settings: Settings, keys: APIKeyStore, controller: EvaluationController?) -> HTTPServerBuilder {
        guard settings.ofrepFastPath, let controller else { return .http1() }
        let fastPath = OFREPFastPath(
            controller: controller, keys: keys, versionHeader: settings.versionHeader,
            maxBodyBytes: settings.maxBodyBytes)
        return .http1(configuration: .init(additionalChannelHandlers: [fastPath.makeHandler()]))
    }
}
