// SPDX-License-Identifier: Apache-2.0

extension ConfigDecoder {
    private typealias Kinesis = KinesisExporterConfiguration

    /// Decodes how a Kinesis exporter sends: `maxConcurrentCalls`, and the backoff settings
    /// `retryBaseDelay`, `retryMaxDelay` (at least the base) and `parkedRetryInterval`, in ms.
    mutating func decodeDelivery(
        _ node: ConfigNode, at keyPath: String, into config: inout KinesisExporterConfiguration
    ) {
        func path(_ key: String) -> String { "\(keyPath).\(key)" }
        let calls = int(
            node["maxConcurrentCalls"], at: path("maxConcurrentCalls"), in: 1...Kinesis.maximumConcurrentCalls)
        config.maxConcurrentCalls = calls ?? config.maxConcurrentCalls

        let longest = Self.milliseconds(Kinesis.maximumRetryDelay)
        let base = int(node["retryBaseDelay"], at: path("retryBaseDelay"), in: 1...longest)
        let maximum = int(node["retryMaxDelay"], at: path("retryMaxDelay"), in: 1...longest)
        if let base { config.retryBaseDelay = .milliseconds(base) }
        if let maximum { config.retryMaxDelay = .milliseconds(maximum) }
        if config.retryMaxDelay < config.retryBaseDelay {
            let blamed = maximum != nil ? "retryMaxDelay" : "retryBaseDelay"
            error(
                "retryMaxDelay (\(Self.milliseconds(config.retryMaxDelay)) ms) must be at least retryBaseDelay "
                    + "(\(Self.milliseconds(config.retryBaseDelay)) ms)", at: path(blamed), origin: origin(node[blamed])
            )
        }

        let shortestParked = Self.milliseconds(Kinesis.minimumParkedRetryInterval)
        if let parked = int(node["parkedRetryInterval"], at: path("parkedRetryInterval"), in: shortestParked...longest)
        {
            config.parkedRetryInterval = .milliseconds(parked)
        }
    }

    /// Whole milliseconds of a non-negative duration.
    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
