// SPDX-License-Identifier: Apache-2.0

/// Parses `POST /v1/data/collector` bodies exactly as GOFF's relay does (echo's JSON binder into
/// `CollectEvalDataRequest{Meta map[string]any; Events []map[string]any}`, then the handler's per-event
/// conversion):
///
/// - Only the first JSON value of the body is read (Go's `json.Decoder`): bytes after a top-level object are
///   ignored. A syntax error anywhere in that value wins over type errors, which are reported afterwards.
/// - `meta` / `events` are matched case-insensitively; a key given twice decodes into the same Go value again
///   (objects merge into the existing map, `null` resets it).
/// - An entry whose exact key `kind` is the string `"tracking"` becomes a ``TrackingEvent`` through a JSON
///   round trip (keys applied in sorted order, strict `encoding/json` types); `meta` is not applied.
/// - Any other entry (a `null` entry included) becomes a ``FeatureEvent`` through mapstructure (case-insensitive
///   names, strict types, `null` leaves the zero value, fractional `creationDate` truncated); an empty `source`
///   becomes `PROVIDER_CACHE`; a non-null `meta` replaces `metadata`, even when it is `{}`.
/// - `creationDate` above 9,999,999,999 is read as milliseconds: its first 10 decimal digits are kept.
/// - An entry that fails conversion is skipped (listed in ``CollectorBatch/skipped``) but still counted.
///
/// No I/O; the body must be complete.
public struct CollectorRequestParser: Sendable {
    /// Parses a complete request body.
    public static func parse(_ body: [UInt8]) throws(CollectorParseError) -> CollectorBatch {
        try body.withUnsafeBufferPointer { (buffer) throws(CollectorParseError) -> CollectorBatch in
            try parse(buffer: buffer, maxDepth: JSONParser.defaultMaxDepth)
        }
    }

    /// Parses a complete request body held in raw memory (valid for the duration of the call).
    public static func parse(
        _ body: UnsafeRawBufferPointer,
        maxDepth: Int = JSONParser.defaultMaxDepth
    ) throws(CollectorParseError) -> CollectorBatch {
        try parse(buffer: body.assumingMemoryBound(to: UInt8.self), maxDepth: maxDepth)
    }

    static func parse(buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws(CollectorParseError) -> CollectorBatch {
        let request = try decodeRequest(buffer, maxDepth: maxDepth)
        guard let entries = request.events else { throw .missingEvents }
        var meta = request.meta
        meta?.prepareForRepeatedEncoding()
        var events: [ExportEvent] = []
        events.reserveCapacity(entries.count)
        var skipped: [SkippedEvent] = []
        for (index, entry) in entries.enumerated() {
            if let entry, case .string(let kind)? = entry["kind"], GoFold.equalExact(kind, "tracking") {
                switch trackingEvent(from: entry) {
                case .success(let event): events.append(.tracking(event))
                case .failure(let failure): skipped.append(SkippedEvent(index: index, reason: failure.reason))
                }
            } else {
                switch featureEvent(from: entry ?? JSONObject(), meta: meta) {
                case .success(let event): events.append(.feature(event))
                case .failure(let failure): skipped.append(SkippedEvent(index: index, reason: failure.reason))
                }
            }
        }
        return CollectorBatch(events: events, receivedCount: entries.count, skipped: skipped)
    }

    /// The decoded `CollectEvalDataRequest`: `events == nil` is Go's nil slice, a `nil` entry a nil map.
    struct Request {
        var meta: JSONObject?
        var events: [JSONObject?]?
    }

    /// A conversion failure (the text GOFF would log).
    struct ConversionFailure: Error {
        let reason: String
    }

    /// Decodes the request struct with `json.Decoder` + `Unmarshal` semantics.
    static func decodeRequest(
        _ buffer: UnsafeBufferPointer<UInt8>,
        maxDepth: Int
    ) throws(CollectorParseError) -> Request {
        guard !buffer.isEmpty else { return Request(meta: nil, events: nil) }
        var decoder = RequestDecoder(scanner: JSONScanner(bytes: buffer, maxDepth: maxDepth))
        decoder.scanner.skipWhitespace()
        if decoder.scanner.isAtEnd { throw .emptyInput(at: buffer.count) }
        do {
            try decoder.decodeTopLevel()
        } catch {
            throw CollectorParseError.from(error)
        }
        if let typeError = decoder.typeError { throw typeError }
        return decoder.request
    }
}
