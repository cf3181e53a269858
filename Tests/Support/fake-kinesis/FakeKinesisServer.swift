// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The listening side: binds, tracks connections, and can stop listening for a while
/// (`refuseForSeconds`) so that clients get `ECONNREFUSED`, then listens again on the same port.
final class FakeKinesisServer: Sendable {
    private struct Listener {
        var channel: (any Channel)?
        var port: Int
        var generation = 0
        var stopped = false
    }

    /// The service answering requests.
    let service: KinesisService
    private let group: MultiThreadedEventLoopGroup
    private let listener: Mutex<Listener>
    private let connections = Mutex<[ObjectIdentifier: any Channel]>([:])

    /// Creates the server; nothing is bound until ``start()``.
    init(service: KinesisService) {
        self.service = service
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, service.configuration.threads))
        self.listener = Mutex(Listener(port: service.configuration.port))
    }

    /// Binds and returns the bound address and port (the chosen one when the configured port is 0).
    func start() throws -> (host: String, port: Int) {
        let configuration = service.configuration
        let channel = try bootstrap().bind(host: configuration.host, port: configuration.port).wait()
        let port = channel.localAddress?.port ?? configuration.port
        listener.withLock {
            $0.channel = channel
            $0.port = port
        }
        return (channel.localAddress?.ipAddress ?? configuration.host, port)
    }

    /// Closes the listening socket and every open connection but `current`, and listens again
    /// after `seconds`. A new call while refusing restarts the window. The future completes once
    /// the listening socket is closed, so the caller can answer only then.
    func refuse(forSeconds seconds: Double, except current: (any Channel)?) -> EventLoopFuture<Void> {
        let (channel, generation) = listener.withLock { state -> ((any Channel)?, Int) in
            let channel = state.channel
            state.channel = nil
            state.generation += 1
            return (channel, state.generation)
        }
        service.refuseWindowStarted()
        closeConnections(except: current.map(ObjectIdentifier.init))
        Log.error("refusing connections for \(seconds) s")
        let loop = group.next()
        loop.scheduleTask(in: .nanoseconds(Int64(seconds * 1e9))) {
            self.rebind(generation: generation)
        }
        guard let channel else { return loop.makeSucceededVoidFuture() }
        return channel.close().recover { _ in }
    }

    /// Stops listening, closes connections and stops the event loops. Call once, off the event loops.
    func shutdown() {
        let channel = listener.withLock { state -> (any Channel)? in
            state.stopped = true
            let channel = state.channel
            state.channel = nil
            return channel
        }
        try? channel?.close().wait()
        closeConnections()
        try? group.syncShutdownGracefully()
    }

    private func rebind(generation: Int) {
        let (current, stopped, port) = listener.withLock { ($0.generation, $0.stopped, $0.port) }
        guard current == generation, !stopped else { return }
        bootstrap().bind(host: service.configuration.host, port: port).whenComplete { result in
            switch result {
            case .success(let channel):
                let keep = self.listener.withLock { state -> Bool in
                    guard state.generation == generation, !state.stopped else { return false }
                    state.channel = channel
                    return true
                }
                if keep {
                    Log.error("listening again on port \(port)")
                } else {
                    channel.close(promise: nil)
                }
            case .failure(let error):
                Log.error("re-bind of port \(port) failed (\(error)); retrying in 100 ms")
                self.group.next().scheduleTask(in: .milliseconds(100)) {
                    self.rebind(generation: generation)
                }
            }
        }
    }

    private func closeConnections(except kept: ObjectIdentifier? = nil) {
        let open = connections.withLock { $0.filter { $0.key != kept }.map(\.value) }
        for channel in open {
            channel.close(promise: nil)
        }
    }

    private func bootstrap() -> ServerBootstrap {
        ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 512)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                self.track(channel)
                self.service.connectionOpened()
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withPipeliningAssistance: true, withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(
                        KinesisHTTPHandler(service: self.service, server: self))
                }
            }
    }

    private func track(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        connections.withLock { $0[key] = channel }
        channel.closeFuture.whenComplete { _ in
            self.connections.withLock { _ = $0.removeValue(forKey: key) }
        }
    }
}
