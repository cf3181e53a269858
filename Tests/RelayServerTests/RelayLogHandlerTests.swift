// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RelayServer
import Synchronization
import Testing

private final class Lines: Sendable {
    let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
}

private func logger(_ format: RelayLogHandler.Format, into lines: Lines) -> Logger {
    Logger(label: "goff-relay") { label in
        RelayLogHandler(label: label, level: .info, format: format) { line in lines.lines.withLock { $0.append(line) } }
    }
}

@Test func jsonLinesCarryLevelTimeMessageAndNamespacedMetadata() throws {
    let lines = Lines()
    var log = logger(.json, into: lines)
    log[metadataKey: "hb.request.id"] = "42"
    log.warning("queue \"full\"\n", metadata: ["goff.records": .stringConvertible(3)])
    log.debug("not shown")
    #expect(lines.all.count == 1)
    let line = try #require(lines.all.first)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
    #expect(object["level"] == "warn")
    #expect(object["msg"] == "queue \"full\"\n")
    #expect(object["goff.records"] == "3")
    #expect(object["goff.http.request.id"] == "42")
    #expect(object.keys.allSatisfy { ["level", "ts", "logger", "msg"].contains($0) || $0.hasPrefix("goff.") })
    let timestamp = try #require(object["ts"])
    #expect(timestamp.hasSuffix("Z") && timestamp.count == 24)
}

@Test func logfmtQuotesOnlyWhatNeedsIt() throws {
    let lines = Lines()
    logger(.logfmt, into: lines).error("send failed", metadata: ["goff.code": "ResourceNotFoundException"])
    let line = try #require(lines.all.first)
    #expect(line.hasPrefix("level=error ts="))
    #expect(line.hasSuffix(#"logger=goff-relay msg="send failed" goff.code=ResourceNotFoundException"#))
}
