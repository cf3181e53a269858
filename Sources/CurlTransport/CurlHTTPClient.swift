// SPDX-License-Identifier: Apache-2.0

import Logging

/// An HTTP/1.1 client on libcurl's multi interface, driven by one dedicated thread.
///
/// Every curl handle lives on that thread; callers only exchange requests and results with it
/// through a `Mutex`-protected queue and `curl_multi_wakeup`. Connections are kept alive and reused
/// through the multi handle's connection cache, up to
/// ``Configuration/maxConnectionsPerHost`` per host. TLS peers are verified against the system CA
/// store. Proxies come from the environment as libcurl reads it: `https_proxy`/`HTTPS_PROXY` for
/// `https://`, lowercase `http_proxy` only for `http://`, `all_proxy`/`ALL_PROXY` as a fallback, and
/// `no_proxy`/`NO_PROXY` exclusions (uppercase `HTTP_PROXY` is ignored); libcurl reads them for every request.
///
/// ```swift
/// let client = CurlHTTPClient()
/// let response = try await client.send(HTTPRequest(method: "POST", url: url, body: bytes))
/// await client.shutdown()
/// ```
///
/// Cancelling the awaiting task fails the request with ``TransportError/Code/cancelled`` and abandons
/// its transfer (closing that connection). Redirects are not followed. Bodies are not decoded.
public final class CurlHTTPClient: HTTPTransport {
    private let queue: TransferQueue
    private let thread: OwnerThread?

    /// Starts a client and its owner thread.
    /// - Parameters:
    ///   - configuration: Timeouts, connection limits and headers shared by every request.
    ///   - logger: Receives the owner thread's lifecycle and internal failures.
    public init(
        configuration: Configuration = .init(), logger: Logger = Logger(label: "goff.curl-transport")
    ) {
        let queue = TransferQueue()
        self.queue = queue
        thread = OwnerThread.start {
            CurlMultiLoop.run(queue: queue, configuration: configuration, logger: logger)
        }
        if thread == nil {
            logger.error("could not start the curl owner thread")
            queue.terminate(with: TransportError(code: .other, message: "could not start the curl owner thread"))
            queue.markExited()
        }
    }

    deinit {
        // No `send` can be pending: each one keeps the client alive while it waits. Stop the owner
        // thread without blocking here; it frees every handle and then ends on its own.
        queue.terminate(with: .clientShutdown)
        if let thread, queue.claimThread() {
            thread.detach()
        }
    }

    /// Sends a request and waits for its complete response.
    /// - Parameter request: The request to send.
    /// - Returns: The final response, whatever its status.
    /// - Throws: ``TransportError``; ``TransportError/Code/shutdown`` after ``shutdown()``,
    ///   ``TransportError/Code/cancelled`` when the awaiting task is cancelled.
    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let queue = self.queue
        let id = queue.makeID()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: TransferQueue.Continuation) in
                queue.submit(request, id: id, continuation: continuation)
            }
        } onCancel: {
            queue.cancel(id: id)
        }
        return try result.get()
    }

    /// Fails every pending request with ``TransportError/Code/shutdown``, stops the owner thread and
    /// waits until it has released every curl handle and connection. Later sends fail at once.
    /// Calling it again is harmless.
    public func shutdown() async {
        queue.terminate(with: .clientShutdown)
        await queue.waitForExit()
        if let thread, queue.claimThread() {
            thread.join()
        }
    }
}
