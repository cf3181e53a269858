// SPDX-License-Identifier: Apache-2.0

/// A `kind: kinesis` exporter, decoded and validated.
///
/// GOFF reads only `streamArn`, `streamName` and `eventType`; the batching, partitioning, concurrency,
/// retry and timeout settings are goff-relay's additions. When both the ARN and the name are given the ARN is used
/// (GOFF uses the name; the loader warns).
public struct KinesisExporterConfiguration: Sendable, Hashable {
    /// Default `partitionKey` (GOFF's hard-coded key).
    public static let defaultPartitionKey = "default"
    /// Default `maxBatchBytes`: 5 MiB.
    public static let defaultMaxBatchBytes = 5 * 1024 * 1024
    /// Largest `maxBatchBytes`: 10 MiB, the PutRecords request limit.
    public static let maximumBatchBytes = 10 * 1024 * 1024
    /// Default and largest `maxBatchRecords`: 500, the PutRecords limit.
    public static let defaultMaxBatchRecords = 500
    /// Default `maxRecordBytes`: 1 MiB, Kinesis' default record limit (data plus partition key).
    public static let defaultMaxRecordBytes = 1024 * 1024
    /// Largest `maxRecordBytes`: 10 MiB, for streams whose record limit was raised.
    public static let maximumRecordBytes = 10 * 1024 * 1024
    /// Default `requestTimeout`.
    public static let defaultRequestTimeout = Duration.milliseconds(10_000)
    /// Default `connectTimeout`.
    public static let defaultConnectTimeout = Duration.milliseconds(5_000)
    /// Longest partition key Kinesis accepts, in characters.
    public static let maximumPartitionKeyLength = 256
    /// Largest explicit hash key: 2^128 − 1.
    public static let maximumExplicitHashKey = "340282366920938463463374607431768211455"
    /// Default `maxConcurrentCalls`: PutRecords calls in flight per exporter.
    public static let defaultMaxConcurrentCalls = 4
    /// Largest `maxConcurrentCalls`.
    public static let maximumConcurrentCalls = 64
    /// Default `retryBaseDelay`.
    public static let defaultRetryBaseDelay = Duration.milliseconds(100)
    /// Default `retryMaxDelay`.
    public static let defaultRetryMaxDelay = Duration.milliseconds(20_000)
    /// Default `parkedRetryInterval`.
    public static let defaultParkedRetryInterval = Duration.milliseconds(30_000)
    /// Shortest `parkedRetryInterval`: one second.
    public static let minimumParkedRetryInterval = Duration.milliseconds(1_000)
    /// Longest `retryBaseDelay`, `retryMaxDelay` and `parkedRetryInterval`: one day.
    public static let maximumRetryDelay = Duration.milliseconds(86_400_000)

    /// `streamArn`, when given (validated).
    public var streamARN: String?
    /// `streamName`, when given (validated).
    public var streamName: String?
    /// `partitionKey` (1–256 characters) or `partitionKeyFrom`: where each record's partition key
    /// comes from. Default: ``PartitionKeySource/constant(_:)`` with ``defaultPartitionKey``.
    public var partitionKeySource: PartitionKeySource
    /// `explicitHashKey`: a decimal in 0…2^128−1, overriding the partition key's hash.
    public var explicitHashKey: String?
    /// `eventType`: which events this exporter receives.
    public var eventType: EventType
    /// `maxBatchBytes`: byte cap of one PutRecords call (1 … 10 MiB).
    public var maxBatchBytes: Int
    /// `maxBatchRecords`: records per PutRecords call (1 … 500).
    public var maxBatchRecords: Int
    /// `maxRecordBytes`: largest record, data plus partition key (at most `maxBatchBytes`).
    public var maxRecordBytes: Int
    /// `requestTimeout`: whole-request timeout.
    public var requestTimeout: Duration
    /// `connectTimeout`: connection-establishment timeout.
    public var connectTimeout: Duration
    /// `maxConcurrentCalls`: PutRecords calls in flight at once for this exporter (1 … 64).
    public var maxConcurrentCalls: Int
    /// `retryBaseDelay`: first backoff delay for throttled or failed records and calls; it grows
    /// exponentially up to ``retryMaxDelay``.
    public var retryBaseDelay: Duration
    /// `retryMaxDelay`: longest backoff delay (at least ``retryBaseDelay``).
    public var retryMaxDelay: Duration
    /// `parkedRetryInterval`: the slow retry interval for answers that need an operator (wrong
    /// stream, access denied, bad credentials); at least one second.
    public var parkedRetryInterval: Duration
    /// Where the exporter is configured, e.g. `exporters[1]`, for logs.
    public var keyPath: String
    /// Position among all configured exporters (the singular `exporter` comes first).
    public var index: Int

    /// Creates a Kinesis exporter configuration with goff-relay's defaults. `partitionKeySource`,
    /// when given, replaces `partitionKey` (which sets a ``PartitionKeySource/constant(_:)`` source).
    public init(
        streamARN: String? = nil,
        streamName: String? = nil,
        partitionKey: String = defaultPartitionKey,
        partitionKeySource: PartitionKeySource? = nil,
        explicitHashKey: String? = nil,
        eventType: EventType = .feature,
        maxBatchBytes: Int = defaultMaxBatchBytes,
        maxBatchRecords: Int = defaultMaxBatchRecords,
        maxRecordBytes: Int = defaultMaxRecordBytes,
        requestTimeout: Duration = defaultRequestTimeout,
        connectTimeout: Duration = defaultConnectTimeout,
        maxConcurrentCalls: Int = defaultMaxConcurrentCalls,
        retryBaseDelay: Duration = defaultRetryBaseDelay,
        retryMaxDelay: Duration = defaultRetryMaxDelay,
        parkedRetryInterval: Duration = defaultParkedRetryInterval,
        keyPath: String = "exporter",
        index: Int = 0
    ) {
        self.streamARN = streamARN
        self.streamName = streamName
        self.partitionKeySource = partitionKeySource ?? .constant(partitionKey)
        self.explicitHashKey = explicitHashKey
        self.eventType = eventType
        self.maxBatchBytes = maxBatchBytes
        self.maxBatchRecords = maxBatchRecords
        self.maxRecordBytes = maxRecordBytes
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.maxConcurrentCalls = maxConcurrentCalls
        self.retryBaseDelay = retryBaseDelay
        self.retryMaxDelay = retryMaxDelay
        self.parkedRetryInterval = parkedRetryInterval
        self.keyPath = keyPath
        self.index = index
    }

    /// `partitionKey`: the fixed key of a ``PartitionKeySource/constant(_:)`` source, or
    /// ``defaultPartitionKey`` when keys come from each event (`partitionKeyFrom`). Setting it
    /// selects a constant source.
    public var partitionKey: String {
        get {
            if case .constant(let key) = partitionKeySource { return key }
            return Self.defaultPartitionKey
        }
        set { partitionKeySource = .constant(newValue) }
    }

    /// The parsed `streamARN`, when set and valid.
    public var parsedStreamARN: KinesisStreamARN? {
        guard let streamARN, case .success(let arn) = KinesisStreamARN.parse(streamARN) else { return nil }
        return arn
    }

    /// What is wrong with a stream name (1–128 of `[a-zA-Z0-9_.-]`), or `nil` if it is valid.
    public static func streamNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.count > 128 { return "is longer than 128 characters" }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "_.-".unicodeScalars.contains(scalar))
        }
        return allowed ? nil : "may contain only letters, digits, '_', '.' and '-'"
    }

    /// What is wrong with an explicit hash key, or `nil` if it is a decimal in 0…2^128−1.
    public static func explicitHashKeyProblem(_ key: String) -> String? {
        let digitsOnly = !key.isEmpty && key.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
        guard digitsOnly else { return "must be a decimal number (digits only)" }
        if key.count > 1, key.hasPrefix("0") { return "must not have leading zeros" }
        let maximum = maximumExplicitHashKey
        if key.count > maximum.count || (key.count == maximum.count && key > maximum) {
            return "must be at most 2^128-1 (\(maximum))"
        }
        return nil
    }
}
