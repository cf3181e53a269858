// SPDX-License-Identifier: Apache-2.0

import Events

/// The JSON ceiling: what one core does with the collector's JSON path alone, no HTTP and no I/O.
///
/// Two loops over the same bodies, each for the given time:
/// - `parse`: `CollectorRequestParser.parse` (GOFF's collector semantics, the relay's parser);
/// - `parseEncode`: that, plus what `EventDispatcher` does before the spool: each event's Go-identical
///   JSON (`jsonBytes()`), i.e. the bytes stored and sent.
struct ParseCeiling {
    let bodies: [[UInt8]]

    /// A failed parse (the bodies are meant to be valid).
    struct ParseFailure: Error, CustomStringConvertible {
        let description: String
    }

    func run(seconds: Double) throws(ParseFailure) -> [String: Any] {
        var eventsPerBody = 0
        do {
            eventsPerBody = try CollectorRequestParser.parse(bodies[0]).events.count
        } catch {
            throw ParseFailure(description: "the first body does not parse: \(error.message)")
        }
        // Warm-up (caches, allocator), then the two measured loops.
        _ = try loop(seconds: min(1, seconds / 5), encode: true)
        let parse = try loop(seconds: seconds, encode: false)
        let both = try loop(seconds: seconds, encode: true)
        let bodyBytes = bodies.reduce(0) { $0 + $1.count } / bodies.count
        return [
            "eventsPerBody": eventsPerBody,
            "bodyBytes": bodyBytes,
            "parse": parse,
            "parseEncode": both,
        ]
    }

    private func loop(seconds: Double, encode: Bool) throws(ParseFailure) -> [String: Any] {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int64(seconds * 1000))
        var bodiesDone = 0
        var events = 0
        var inputBytes = 0
        var outputBytes = 0
        var index = 0
        while true {
            for _ in 0..<16 {
                let body = bodies[index]
                index = index + 1 == bodies.count ? 0 : index + 1
                let batch: CollectorBatch
                do {
                    batch = try CollectorRequestParser.parse(body)
                } catch {
                    throw ParseFailure(description: "a body does not parse: \(error.message)")
                }
                if encode {
                    for event in batch.events {
                        outputBytes &+= event.jsonBytes().count &+ event.userKey.utf8.count
                    }
                }
                bodiesDone += 1
                events += batch.receivedCount
                inputBytes += body.count
            }
            if clock.now >= deadline { break }
        }
        let elapsed = (clock.now - start) / .seconds(1)
        return [
            "seconds": elapsed,
            "bodies": bodiesDone,
            "events": events,
            "eventsPerSecond": Double(events) / elapsed,
            "inputMBPerSecond": Double(inputBytes) / elapsed / 1e6,
            "outputBytes": outputBytes,
        ]
    }
}
