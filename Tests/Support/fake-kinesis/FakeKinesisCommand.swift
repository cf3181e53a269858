// SPDX-License-Identifier: Apache-2.0
import AWSAuth
import ArgumentParser
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `fake-kinesis`: a loopback Kinesis (AWS JSON 1.1, SigV4 checked) with fault injection.
@main
struct FakeKinesisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake-kinesis",
        abstract: "A fault-injecting Kinesis PutRecords endpoint for tests and benchmarks (loopback only).",
        discussion: "Prints 'fake-kinesis listening on HOST:PORT' once bound. See README.md for the endpoints."
    )

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port to bind; 0 picks a free port.") var port = 0
    @Option(help: "Event-loop threads.") var threads = 1
    @Option(help: "The stream that exists.") var streamName = "flag-events"
    @Option(help: "The stream's account (ARN, messages).") var accountId = "123456789012"
    @Option(help: "The stream's region; requests must be signed for it.") var region = "us-east-1"
    @Option(help: "Number of shards (MD5 routing over even hash ranges).") var shards = 4
    @Option(help: "Largest PutRecords call (data plus keys), MiB: 5 (classic) or 10 (2025 limit).")
    var maxRequestMib = 5
    @Option(help: "Largest record (data plus key), KiB.") var maxRecordKib = 1024
    @Flag(inversion: .prefixedNo, help: "Check SigV4 signatures.") var checkSignature = true
    @Option(help: "The accepted access key ID.") var accessKey = "AKIDEXAMPLE"
    @Option(help: "The accepted secret access key.") var secretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    @Option(help: "The required session token (none by default).") var sessionToken: String?
    @Option(help: "Seconds added to the server clock (use --clock-offset-seconds=-600 for negatives).")
    var clockOffsetSeconds = 0.0
    @Option(help: "Write accepted records to this file (truncated at start).") var recordFile: String?
    @Option(help: "Record file format: base64 (one line per record) or binary (4-byte big-endian length + data).")
    var recordFormat: RecordFileWriter.Format = .base64
    @Option(help: "Seed of the fault generator.") var seed: UInt64 = 1
    @Option(help: "Per-record ProvisionedThroughputExceededException rate, 0...1.") var pteRate = 0.0
    @Option(help: "Per-record InternalFailure rate, 0...1.") var internalFailureRate = 0.0
    @Option(help: "Per-call 500 InternalFailure / 503 ServiceUnavailable rate, 0...1.") var serverErrorRate = 0.0
    @Option(help: "Per-call 400 ThrottlingException / LimitExceededException rate, 0...1.") var throttleRate = 0.0
    @Option(help: "Per-call connection reset rate, 0...1.") var resetRate = 0.0
    @Option(help: "Milliseconds added before every Kinesis answer.") var delayMs = 0
    @Option(help: "Records/s per shard before throttling records; 0 = unlimited.") var shardRecordsPerSecond = 0
    @Option(help: "Bytes/s per shard before throttling records; 0 = unlimited.") var shardBytesPerSecond = 0
    @Flag(help: "Log one line per Kinesis call on standard error.") var logCalls = false

    var faults: FaultSettings {
        FaultSettings(
            pteRate: pteRate, internalFailureRate: internalFailureRate, serverErrorRate: serverErrorRate,
            throttleRate: throttleRate, resetRate: resetRate, delayMs: delayMs,
            shardRecordsPerSecond: shardRecordsPerSecond, shardBytesPerSecond: shardBytesPerSecond,
            clockOffsetSeconds: clockOffsetSeconds, checkSignature: checkSignature)
    }

    func validate() throws {
        if let message = faults.validationError() {
            throw ValidationError(message)
        }
        guard (1...1024).contains(shards) else { throw ValidationError("--shards must be in 1...1024") }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be in 1...64") }
        guard (1...64).contains(maxRequestMib) else { throw ValidationError("--max-request-mib must be in 1...64") }
        guard (1...65536).contains(maxRecordKib) else { throw ValidationError("--max-record-kib must be in 1...65536") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535") }
    }

    func run() throws {
        let configuration = ServerConfiguration(
            host: host, port: port, threads: threads, streamName: streamName, accountID: accountId, region: region,
            shards: shards, maxRecordBytes: maxRecordKib * 1024, maxRequestBytes: maxRequestMib * 1024 * 1024,
            logCalls: logCalls)
        let writer = try recordFile.map { path throws(RecordFileWriter.FileError) in
            try RecordFileWriter(path: path, format: recordFormat)
        }
        let service = KinesisService(
            configuration: configuration,
            faults: faults,
            credentials: AWSCredentials(accessKeyID: accessKey, secretAccessKey: secretKey, sessionToken: sessionToken),
            seed: seed,
            recordFile: writer)
        let server = FakeKinesisServer(service: service)

        let stop = DispatchSemaphore(value: 0)
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGTERM, SIGINT] {
            _ = signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            sources.append(source)
        }

        let bound = try server.start()
        Log.output("fake-kinesis listening on \(bound.host):\(bound.port)")
        stop.wait()
        server.shutdown()
        writer?.close()
        for source in sources {
            source.cancel()
        }
    }
}
