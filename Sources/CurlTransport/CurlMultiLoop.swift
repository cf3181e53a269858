// SPDX-License-Identifier: Apache-2.0

import CCurl
import Logging

/// The owner thread's event loop: one libcurl multi handle and every easy handle it drives.
///
/// Lives and dies on the owner thread (it is created inside ``run(queue:configuration:logger:)``), so
/// no curl handle is ever touched by another thread. The one exception is the multi handle's address,
/// published to ``TransferQueue`` for `curl_multi_wakeup`, which libcurl documents as thread-safe.
final class CurlMultiLoop {
    /// Idle easy handles kept for reuse at most; more are cleaned up.
    private static let idleLimit = 64
    /// The longest `curl_multi_poll` wait; libcurl shortens it when its own timers are due sooner.
    private static let pollMilliseconds: Int32 = 1000

    private let multi: UnsafeMutableRawPointer
    private let queue: TransferQueue
    private let configuration: CurlHTTPClient.Configuration
    private let logger: Logger
    private var active: [UnsafeMutableRawPointer: CurlEasyTransfer] = [:]
    private var idle: [CurlEasyTransfer] = []

    private init(
        multi: UnsafeMutableRawPointer, queue: TransferQueue, configuration: CurlHTTPClient.Configuration,
        logger: Logger
    ) {
        self.multi = multi
        self.queue = queue
        self.configuration = configuration
        self.logger = logger
    }

    /// The whole life of the owner thread: set up, serve until shutdown, release everything.
    static func run(queue: TransferQueue, configuration: CurlHTTPClient.Configuration, logger: Logger) {
        defer { queue.markExited() }
        if let error = CurlGlobal.initializationError {
            logger.error("libcurl initialisation failed", metadata: ["goff.error": "\(error)"])
            queue.terminate(with: error)
            return
        }
        guard let multi = curl_multi_init() else {
            logger.error("curl_multi_init failed")
            queue.terminate(with: TransportError(code: .other, message: "curl_multi_init failed"))
            return
        }
        _ = ccurl_multi_setopt_long(
            multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, configuration.maxConnectionsPerHost))
        let loop = CurlMultiLoop(multi: multi, queue: queue, configuration: configuration, logger: logger)
        queue.publish(wakeHandle: WakeHandle(multi: multi))
        logger.debug("curl owner thread started")
        loop.serve()
        loop.tearDown()
        queue.retractWakeHandle()
        curl_multi_cleanup(multi)
        logger.debug("curl owner thread stopped")
    }

    private func serve() {
        while true {
            let work = queue.takeWork()
            for id in work.cancellations {
                abandon(id: id)
            }
            if work.stop { return }
            for submission in work.submissions {
                start(submission)
            }
            var running: Int32 = 0
            let performed = curl_multi_perform(multi, &running)
            if performed != CURLM_OK {
                failAll(with: TransportError(multi: performed, operation: "curl_multi_perform"))
            }
            collectFinished()
            let polled = curl_multi_poll(multi, nil, 0, Self.pollMilliseconds, nil)
            if polled != CURLM_OK {
                logger.error("curl_multi_poll failed", metadata: ["goff.curl.code": "\(polled.rawValue)"])
                failAll(with: TransportError(multi: polled, operation: "curl_multi_poll"))
                queue.terminate(with: TransportError(multi: polled, operation: "curl_multi_poll"))
                return
            }
        }
    }

    private func start(_ submission: TransferQueue.Submission) {
        guard let transfer = idle.popLast() ?? CurlEasyTransfer() else {
            queue.complete(
                id: submission.id, with: .failure(TransportError(code: .other, message: "curl_easy_init failed")))
            return
        }
        do {
            try transfer.prepare(id: submission.id, request: submission.request, configuration: configuration)
        } catch {
            recycle(transfer)
            queue.complete(id: submission.id, with: .failure(error))
            return
        }
        let added = curl_multi_add_handle(multi, transfer.handle)
        guard added == CURLM_OK else {
            recycle(transfer)
            queue.complete(
                id: submission.id, with: .failure(TransportError(multi: added, operation: "curl_multi_add_handle")))
            return
        }
        active[transfer.handle] = transfer
    }

    private func collectFinished() {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle else { continue }
            // Read the result before removing the handle: removal invalidates the message.
            let code = message.pointee.data.result
            _ = curl_multi_remove_handle(multi, handle)
            guard let transfer = active.removeValue(forKey: handle) else { continue }
            let id = transfer.id
            let outcome = transfer.outcome(of: code)
            recycle(transfer)
            queue.complete(id: id, with: outcome)
        }
    }

    /// Drops a cancelled request's transfer; libcurl closes its connection, which is mid-exchange.
    private func abandon(id: UInt64) {
        guard let (handle, transfer) = active.first(where: { $0.value.id == id }) else { return }
        _ = curl_multi_remove_handle(multi, handle)
        active[handle] = nil
        recycle(transfer)
    }

    private func failAll(with error: TransportError) {
        for (handle, transfer) in active {
            _ = curl_multi_remove_handle(multi, handle)
            let id = transfer.id
            recycle(transfer)
            queue.complete(id: id, with: .failure(error))
        }
        active.removeAll()
    }

    private func recycle(_ transfer: CurlEasyTransfer) {
        transfer.recycle()
        if idle.count < Self.idleLimit {
            idle.append(transfer)
        }
    }

    /// Detaches and frees every easy handle; the caller then cleans up the multi handle, which closes
    /// the cached connections.
    private func tearDown() {
        for handle in active.keys {
            _ = curl_multi_remove_handle(multi, handle)
        }
        active.removeAll()
        idle.removeAll()
    }
}
