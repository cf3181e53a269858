// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import Synchronization

/// A swift-log handler writing one line per message to standard output, as JSON (GOFF's default) or
/// logfmt, with a UTC timestamp, the level, the message and the metadata.
public struct RelayLogHandler: LogHandler {
    /// The line format.
    public enum Format: Sendable {
        /// `{"level":"info","ts":"…","logger":"…","msg":"…","goff.key":"value"}`
        case json
        /// `level=info ts=… logger=… msg="…" goff.key=value`
        case logfmt
    }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    let label: String
    let format: Format
    let write: @Sendable (String) -> Void

    /// Creates a handler.
    /// - Parameter write: receives each finished line (without newline); defaults to standard output.
    public init(
        label: String, level: Logger.Level, format: Format,
        write: @escaping @Sendable (String) -> Void = RelayLogHandler.writeToStandardOutput
    ) {
        self.label = label
        self.logLevel = level
        self.format = format
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let timestamp = Self.timestamp()
        var fields: [(String, String)] = [
            ("level", Self.name(of: event.level)), ("ts", timestamp), ("logger", label), ("msg", "\(event.message)"),
        ]
        for key in merged.keys.sorted() {
            if let value = merged[key] { fields.append((Self.namespaced(key), Self.flatten(value))) }
        }
        write(format == .json ? Self.jsonLine(fields) : Self.logfmtLine(fields))
    }

    /// The current UTC time as `2026-11-25T21:32:10.029Z`.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), now.tv_nsec / 1_000_000)
    }

    /// Metadata keys are namespaced `goff.`; the framework's own keys (`hb.request.id`) are renamed
    /// into it (`goff.http.request.id`).
    static func namespaced(_ key: String) -> String {
        if key.hasPrefix("goff.") { return key }
        if key.hasPrefix("hb.") { return "goff.http." + key.dropFirst(3) }
        return "goff." + key
    }

    static func name(of level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: "debug"
        case .info, .notice: "info"
        case .warning: "warn"
        case .error: "error"
        case .critical: "fatal"
        }
    }

    static func flatten(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let string): string
        case .stringConvertible(let convertible): convertible.description
        case .array(let array): "[" + array.map(flatten).joined(separator: ",") + "]"
        case .dictionary(let dictionary):
            "{"
                + dictionary.keys.sorted().map { "\($0)=\(flatten(dictionary[$0] ?? .string("")))" }
                .joined(separator: ",") + "}"
        }
    }

    static func jsonLine(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(quoted($0.0)):\(quoted($0.1))" }.joined(separator: ",") + "}"
    }

    static func logfmtLine(_ fields: [(String, String)]) -> String {
        fields.map { key, value in
            let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\n" }
            return "\(key)=\(needsQuotes ? quoted(value) : value)"
        }.joined(separator: " ")
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static let outputLock = Mutex(())

    /// Writes `line` and a newline to standard output in one call, serialized across threads.
    @Sendable public static func writeToStandardOutput(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        outputLock.withLock { _ in
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = systemWrite(1, raw.baseAddress?.advanced(by: offset), raw.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
    }
}

#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif
