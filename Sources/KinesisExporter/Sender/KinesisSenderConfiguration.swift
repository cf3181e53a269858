// SPDX-License-Identifier: Apache-2.0

/// How one Kinesis exporter batches, retries and drains.
public struct KinesisSenderConfiguration: Sendable {
    /// A name for logs and metrics, e.g. `exporters[0]`.
    public var name: String
    /// Records per PutRecords call (Kinesis allows 1…500).
    public var maxBatchRecords: Int
    /// Bytes (data plus partition keys) per call; Kinesis allows up to 10 MiB.
    public var maxBatchBytes: Int
    /// Bytes (data plus partition key) per record; larger records go to the dead-letter file.
    public var maxRecordBytes: Int
    /// Backoff for throttling and transient failures.
    public var backoff: Backoff
    /// The pause between attempts while the answer says the configuration or credentials are wrong.
    public var parkInterval: Duration
    /// How long a graceful shutdown may keep sending.
    public var drainTimeout: Duration
    /// PutRecords calls in flight at once. With 1, the records of one partition key are sent in
    /// order except that a refused record is retried after the records that followed it; with more,
    /// records may also overtake each other between concurrent calls.
    public var maxConcurrentCalls: Int

    /// Creates a configuration with Kinesis' default limits.
    public init(
        name: String = "kinesis",
        maxBatchRecords: Int = 500,
        maxBatchBytes: Int = 5 * 1_048_576,
        maxRecordBytes: Int = 1_048_576,
        backoff: Backoff = Backoff(),
        parkInterval: Duration = .seconds(30),
        drainTimeout: Duration = .seconds(10),
        maxConcurrentCalls: Int = 4
    ) {
        self.name = name
        self.maxBatchRecords = maxBatchRecords
        self.maxBatchBytes = maxBatchBytes
        self.maxRecordBytes = maxRecordBytes
        self.backoff = backoff
        self.parkInterval = parkInterval
        self.drainTimeout = drainTimeout
        self.maxConcurrentCalls = max(1, maxConcurrentCalls)
    }
}
