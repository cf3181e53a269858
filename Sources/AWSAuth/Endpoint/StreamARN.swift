// SPDX-License-Identifier: Apache-2.0

/// A Kinesis data stream ARN: `arn:<partition>:kinesis:<region>:<12-digit account>:stream/<name>`.
///
/// ```swift
/// let arn = try StreamARN(parsing: "arn:aws:kinesis:us-east-1:123456789012:stream/flag-events")
/// arn.accountID  // "123456789012"
/// ```
public struct StreamARN: Sendable, Hashable, CustomStringConvertible {
    /// The partition, for example `aws`, `aws-cn` or `aws-us-gov`.
    public let partition: String
    /// The stream's region, for example `us-east-1`.
    public let region: String
    /// The 12-digit account ID that owns the stream.
    public let accountID: String
    /// The stream name.
    public let streamName: String

    /// Parses and validates an ARN. Surrounding whitespace is an error, not trimmed.
    /// - Parameter text: The ARN.
    /// - Throws: ``StreamARNError`` whose code and message name the part that is wrong.
    public init(parsing text: String) throws(StreamARNError) {
        func failure(_ code: StreamARNError.Code, _ problem: String) -> StreamARNError {
            StreamARNError(code: code, message: "invalid stream ARN \"\(text)\": \(problem)")
        }
        let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "arn" else {
            throw failure(.malformed, "expected arn:<partition>:kinesis:<region>:<account>:stream/<name>")
        }
        let (partition, service, region, account, resource) = (fields[1], fields[2], fields[3], fields[4], fields[5])
        guard Self.isPartition(partition) else {
            throw failure(.partition, "the partition \"\(partition)\" is not a partition name such as aws or aws-cn")
        }
        guard service == "kinesis" else {
            throw failure(.service, "the service is \"\(service)\", not kinesis")
        }
        guard Self.isHostLabel(region) else {
            throw failure(.region, "the region \"\(region)\" is not a region name such as us-east-1")
        }
        guard account.utf8.count == 12, account.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else {
            throw failure(.accountID, "the account ID \"\(account)\" is not 12 digits")
        }
        guard resource.hasPrefix("stream/") else {
            throw failure(.resourceType, "the resource \"\(resource)\" does not start with stream/")
        }
        let name = resource.dropFirst("stream/".count)
        guard Self.isStreamName(name) else {
            throw failure(
                .streamName,
                "the stream name \"\(name)\" must be 1 to 128 characters among a-z A-Z 0-9 _ . -"
            )
        }
        self.partition = String(partition)
        self.region = String(region)
        self.accountID = String(account)
        self.streamName = String(name)
    }

    /// The ARN text, `arn:<partition>:kinesis:<region>:<account>:stream/<name>`.
    public var description: String {
        "arn:\(partition):kinesis:\(region):\(accountID):stream/\(streamName)"
    }

    /// Lowercase letters, digits and inner hyphens, like every AWS partition name.
    private static func isPartition(_ text: Substring) -> Bool {
        !text.isEmpty && text.first != "-" && text.last != "-"
            && text.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || isDigitOrHyphen($0) }
    }

    /// An RFC 1123 host label: 1 to 63 letters, digits or inner hyphens (the endpoint rules' test).
    static func isHostLabel(_ text: Substring) -> Bool {
        (1...63).contains(text.utf8.count) && text.first != "-" && text.last != "-"
            && text.utf8.allSatisfy { isLetter($0) || isDigitOrHyphen($0) }
    }

    private static func isStreamName(_ text: Substring) -> Bool {
        (1...128).contains(text.utf8.count)
            && text.utf8.allSatisfy {
                isLetter($0) || isDigitOrHyphen($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
            }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isDigitOrHyphen(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }
}
