// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RelayConfig
import RelayServer
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration file on SIGHUP and when the file changes (checked every second), as GOFF
/// does: `authorizedKeys` and `apiKeys` take effect at once; any other change is logged as needing a
/// restart; an invalid new file is rejected and the running configuration kept.
struct ConfigReloader: Service, CustomStringConvertible {
    let path: String
    let environment: [String: String]
    let running: RelayConfiguration
    let keys: APIKeyStore
    let logger: Logger

    /// What the service group logs: the path only (the configuration holds API keys).
    var description: String { "ConfigReloader(\(path))" }

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        var current = running
        let path = self.path
        await withTaskGroup(of: Void.self) { group in
            let (changes, continuation) = AsyncStream.makeStream(of: String.self)
            group.addTask {
                for await _ in hangups.cancelOnGracefulShutdown() { continuation.yield("SIGHUP") }
                continuation.finish()
            }
            group.addTask {
                var lastStamp = Self.stamp(of: path)
                while !Task.isCancelled && !Task.isShuttingDownGracefully {
                    try? await Task.sleep(for: .seconds(1))
                    let stamp = Self.stamp(of: path)
                    if stamp != lastStamp {
                        lastStamp = stamp
                        continuation.yield("file change")
                    }
                }
                continuation.finish()
            }
            for await reason in changes.cancelOnGracefulShutdown() {
                current = reload(from: current, reason: reason)
            }
            group.cancelAll()
        }
    }

    /// Loads the file again and applies what can change at run time. Returns the configuration now in force.
    func reload(from current: RelayConfiguration, reason: String) -> RelayConfiguration {
        let next: RelayConfiguration
        do {
            next = try ConfigLoader(environment: environment).load(path: path)
        } catch {
            logger.error(
                "configuration reload rejected; the running configuration is kept",
                metadata: ["goff.reason": .string(reason), "goff.errors": .string(error.description)])
            return current
        }
        keys.replace(evaluation: next.access.evaluationKeys, admin: next.access.adminKeys)
        var restartNeeded = next
        restartNeeded.access = current.access
        restartNeeded.warnings = current.warnings
        if restartNeeded != current {
            logger.warning(
                "configuration changed beyond API keys; restart goff-relay to apply the rest",
                metadata: ["goff.reason": .string(reason)])
        }
        logger.info(
            "configuration reloaded; API keys applied",
            metadata: [
                "goff.reason": .string(reason),
                "goff.evaluation_keys": .stringConvertible(next.access.evaluationKeys.count),
                "goff.admin_keys": .stringConvertible(next.access.adminKeys.count),
            ])
        var applied = current
        applied.access = next.access
        return applied
    }

    /// Modification time and size of the file, or nil if it cannot be read.
    static func stamp(of path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        return "\(modified)-\(size)"
    }
}
