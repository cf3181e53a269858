// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

extension KinesisService {
    /// The answer of a control endpoint, and whether to stop listening afterwards.
    struct ControlResult {
        /// The answer.
        var response: FakeResponse
        /// Seconds to refuse connections for, after answering.
        var refuseForSeconds: Double?
    }

    /// `/_fake/…`: `GET stats`, `GET|POST faults`, `POST flush`, `POST reset`. Never delayed, never signed.
    func control(path: String, request: FakeRequest) -> ControlResult {
        switch (request.head.method, path) {
        case (.GET, "/_fake/stats"):
            return ControlResult(response: stats())
        case (.GET, "/_fake/faults"):
            return ControlResult(response: faultsAnswer())
        case (.POST, "/_fake/faults"):
            return updateFaults(Array(request.body.readableBytesView))
        case (.POST, "/_fake/flush"):
            recordFile?.flush()
            var json = JSONOutput()
            json.raw("{\"flushed\":true,\"recordFileBytes\":")
            json.integer(recordFile?.written ?? 0)
            json.raw("}")
            return ControlResult(response: respond(json: json, contentType: "application/json"))
        case (.POST, "/_fake/reset"):
            state.withLock { $0.stats = FakeStats() }
            recordFile?.truncate()
            var json = JSONOutput()
            json.raw("{\"reset\":true}")
            return ControlResult(response: respond(json: json, contentType: "application/json"))
        default:
            return ControlResult(
                response: respond(
                    KinesisError(code: .notFound, message: "No such endpoint: \(request.head.method) \(path)")))
        }
    }

    /// Counts the fake's `refuseForSeconds` windows.
    func refuseWindowStarted() {
        state.withLock { $0.stats.refuseWindows += 1 }
    }

    private func stats() -> FakeResponse {
        let (stats, faults) = state.withLock { ($0.stats, $0.faults) }
        var json = JSONOutput(capacity: 1024)
        json.raw("{")
        stats.write(to: &json)
        json.raw(",\"faults\":")
        faults.write(to: &json)
        json.raw(",\"streamName\":")
        json.string(configuration.streamName)
        json.raw(",\"streamARN\":")
        json.string(configuration.streamARN)
        json.raw(",\"shards\":")
        json.integer(shards.count)
        json.raw(",\"recordFile\":")
        if let recordFile {
            json.string(recordFile.path)
        } else {
            json.raw("null")
        }
        json.raw(",\"recordFormat\":")
        json.string(recordFile?.format.rawValue ?? "none")
        json.raw(",\"recordFileBytes\":")
        json.integer(recordFile?.written ?? 0)
        json.raw(",\"uptimeSeconds\":")
        json.number((Date().timeIntervalSince(startedAt) * 1000).rounded() / 1000)
        json.raw("}")
        return respond(json: json, contentType: "application/json")
    }

    private func faultsAnswer() -> FakeResponse {
        let faults = state.withLock { $0.faults }
        var json = JSONOutput()
        faults.write(to: &json)
        return respond(json: json, contentType: "application/json")
    }

    private func updateFaults(_ body: [UInt8]) -> ControlResult {
        let update: FaultUpdate
        do {
            update = try FaultUpdate.parse(body, current: state.withLock { $0.faults })
        } catch {
            return ControlResult(response: respond(KinesisError(code: .validation, message: error.message)))
        }
        let region = configuration.region
        state.withLock { state in
            state.faults = update.settings
            if let seed = update.seed {
                state.random = SeededRandom(seed: seed)
            }
            if update.accessKey != nil || update.secretKey != nil || update.sessionToken != nil {
                var credentials = state.accepted.credentials
                credentials.accessKeyID = update.accessKey ?? credentials.accessKeyID
                credentials.secretAccessKey = update.secretKey ?? credentials.secretAccessKey
                if let token = update.sessionToken {
                    credentials.sessionToken = token
                }
                state.accepted = AcceptedCredentials(credentials: credentials, region: region)
            }
        }
        var response = faultsAnswer()
        if update.refuseForSeconds != nil {
            response.headers.append(("Connection", "close"))
        }
        return ControlResult(response: response, refuseForSeconds: update.refuseForSeconds)
    }
}
