// SPDX-License-Identifier: Apache-2.0

import Events
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /health`, `GET /info` and `GET /metrics`, on the API port or on `server.monitoringPort`.
struct OperationsController: Sendable {
    let status: RelayStatus

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/health") { _, _ in
            JSONResponse.make(status: .ok, bytes: Array("{\"initialized\":true}".utf8))
        }
        router.get("/info") { _, _ in
            await self.info()
        }
        router.get("/metrics") { _, _ in
            var buffer = ByteBuffer()
            buffer.writeBytes(await self.status.metricsText())
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: buffer))
        }
    }

    /// GOFF's `{"cacheRefresh": …}` plus an `exporters` object keyed by exporter name.
    func info() async -> Response {
        var exporters = JSONObject()
        for exporter in await status.exporters() {
            var fields = JSONObject()
            fields["pendingRecords"] = .number(Double(exporter.pendingRecords))
            fields["pendingBytes"] = .number(Double(exporter.pendingBytes))
            fields["capacityBytes"] = .number(Double(exporter.capacityBytes))
            fields["recordsSent"] = .number(Double(exporter.recordsSent))
            fields["recordFailures"] = .number(Double(exporter.recordFailures))
            fields["callFailures"] = .number(Double(exporter.callFailures))
            fields["deadLettered"] = .number(Double(exporter.deadLettered))
            fields["lastSuccess"] = exporter.lastSuccess.map { .string($0) } ?? .null
            fields["lastError"] = exporter.lastError.map { .string($0) } ?? .null
            exporters[exporter.name] = .object(fields)
        }
        var body = JSONObject()
        body["cacheRefresh"] = .string(status.cacheRefresh())
        body["exporters"] = .object(exporters)
        return JSONResponse.make(status: .ok, bytes: GoJSONEncoder().encode(.object(body)))
    }
}
