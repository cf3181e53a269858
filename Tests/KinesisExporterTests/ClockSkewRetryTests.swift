// SPDX-License-Identifier: Apache-2.0

import AWSAuth
import CurlTransport
import EventSpool
import Foundation
import Synchronization
import Testing

@testable import KinesisExporter

/// A Kinesis whose clock is 10 minutes ahead: it refuses a request signed more than 5 minutes in its
/// past with the real "Signature expired" answer and a `Date` header, as AWS does.
private final class FutureKinesis: HTTPTransport {
    let serverOffset: TimeInterval = 600
    private let dates = Mutex<[String]>([])
    var signingDates: [String] { dates.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let amzDate = request.headers.first { $0.name == "X-Amz-Date" }?.value ?? ""
        dates.withLock { $0.append(amzDate) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let signed = formatter.date(from: amzDate) ?? .distantPast
        let serverNow = Date().addingTimeInterval(serverOffset)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let dateHeader = HTTPHeader(name: "Date", value: formatter.string(from: serverNow))
        if serverNow.timeIntervalSince(signed) > 300 {
            let body =
                #"{"__type":"InvalidSignatureException","message":"Signature expired: 20261125T210000Z is now earlier than 20261125T210500Z (20261125T211000Z - 5 min.)"}"#
            return HTTPResponse(status: 400, headers: [dateHeader], body: Array(body.utf8))
        }
        let body = #"{"FailedRecordCount":0,"Records":[{"SequenceNumber":"1","ShardId":"shardId-000000000000"}]}"#
        return HTTPResponse(status: 200, headers: [dateHeader], body: Array(body.utf8))
    }
}

@Test func aSkewAnswerCorrectsTheClockAndTheRetrySucceeds() async throws {
    let kinesis = FutureKinesis()
    let skew = ClockSkew()
    let client = PutRecordsClient(
        settings: .init(
            url: "https://kinesis.us-east-1.amazonaws.com/", signingRegion: "us-east-1", target: .name("s")),
        transport: kinesis,
        credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret")),
        now: { skew.now() }, clockSkew: skew)
    let record = ExportRecord(data: Array("{}".utf8), partitionKey: "k", eventKey: "f")
    let first = await client.putRecords([record])
    guard case .failure(let error) = first else {
        Issue.record("the first call must be refused")
        return
    }
    #expect(error.errorClass == .clockSkew)
    #expect(abs(skew.offset - 600) < 5, "offset learnt from the Date header")
    let second = await client.putRecords([record])
    #expect((try? second.get())?.entries.count == 1)
    #expect(kinesis.signingDates.count == 2)
    #expect(kinesis.signingDates[0] != kinesis.signingDates[1], "re-signed with the corrected time")
}
