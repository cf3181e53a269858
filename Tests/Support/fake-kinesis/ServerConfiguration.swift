// SPDX-License-Identifier: Apache-2.0

/// What the fake serves, fixed at start.
struct ServerConfiguration: Sendable {
    /// Address to bind (loopback by default).
    var host = "127.0.0.1"
    /// Port to bind; 0 picks a free one.
    var port = 0
    /// Event-loop threads.
    var threads = 1
    /// The one stream that exists.
    var streamName = "flag-events"
    /// The account of the stream (in its ARN and error messages).
    var accountID = "123456789012"
    /// The region of the stream and of the credential scope.
    var region = "us-east-1"
    /// Number of shards.
    var shards = 4
    /// Maximum record size (data plus partition key), bytes.
    var maxRecordBytes = 1024 * 1024
    /// Maximum PutRecords size (data plus partition keys), bytes.
    var maxRequestBytes = 5 * 1024 * 1024
    /// Print one line per Kinesis call on standard error.
    var logCalls = false

    /// `arn:aws:kinesis:{region}:{account}:stream/{name}`.
    var streamARN: String {
        "arn:aws:kinesis:\(region):\(accountID):stream/\(streamName)"
    }

    /// The largest HTTP body read: twice the request limit (base64 inflates data by 4/3, plus JSON),
    /// so a call somewhat over the limit still gets Kinesis's `InvalidArgumentException`. Larger
    /// bodies get HTTP 413 without being buffered.
    var maxBodyBytes: Int {
        maxRequestBytes * 2 + 1024 * 1024
    }
}
