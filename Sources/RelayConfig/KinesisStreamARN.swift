// SPDX-License-Identifier: Apache-2.0

/// A Kinesis stream ARN, `arn:<partition>:kinesis:<region>:<12-digit account>:stream/<name>`.
public struct KinesisStreamARN: Sendable, Hashable, CustomStringConvertible {
    /// Longest ARN Kinesis accepts.
    public static let maximumLength = 2048

    /// The AWS partition: `aws`, `aws-cn`, `aws-us-gov`, ...
    public var partition: String
    /// The region, e.g. `eu-west-1`.
    public var region: String
    /// The 12-digit account id.
    public var accountID: String
    /// The stream name.
    public var streamName: String

    /// Creates an ARN from its parts (not validated; see ``parse(_:)``).
    public init(partition: String, region: String, accountID: String, streamName: String) {
        self.partition = partition
        self.region = region
        self.accountID = accountID
        self.streamName = streamName
    }

    /// The ARN text.
    public var description: String { "arn:\(partition):kinesis:\(region):\(accountID):stream/\(streamName)" }

    /// Parses `text`, or returns every part that is wrong (one message per part).
    public static func parse(_ text: String) -> Result<KinesisStreamARN, KinesisStreamARNError> {
        let expected = "expected arn:<partition>:kinesis:<region>:<12-digit account id>:stream/<name>"
        guard text.count <= maximumLength else {
            return .failure(KinesisStreamARNError(problems: ["is longer than \(maximumLength) characters"]))
        }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6 else {
            return .failure(KinesisStreamARNError(problems: ["has \(parts.count) ':'-separated parts; \(expected)"]))
        }
        var problems: [String] = []
        if parts[0] != "arn" { problems.append("must start with \"arn:\", found \"\(parts[0])\"") }
        if !isPartition(parts[1]) {
            problems.append("partition \"\(parts[1])\" is not an AWS partition (aws, aws-cn, aws-us-gov, ...)")
        }
        if parts[2] != "kinesis" { problems.append("service must be \"kinesis\", found \"\(parts[2])\"") }
        if !isRegion(parts[3]) { problems.append("region \"\(parts[3])\" is not a region name such as eu-west-1") }
        if parts[4].count != 12 || !parts[4].allSatisfy(isDigit) {
            problems.append("account id \"\(parts[4])\" must be 12 digits")
        }
        var name = ""
        if parts[5].hasPrefix("stream/") {
            name = String(parts[5].dropFirst("stream/".count))
            if let problem = KinesisExporterConfiguration.streamNameProblem(name) {
                problems.append("stream name \"\(name)\" \(problem)")
            }
        } else {
            problems.append("resource must be \"stream/<name>\", found \"\(parts[5])\"")
        }
        guard problems.isEmpty else { return .failure(KinesisStreamARNError(problems: problems)) }
        return .success(KinesisStreamARN(partition: parts[1], region: parts[3], accountID: parts[4], streamName: name))
    }

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
    private static func isLowercaseLetter(_ character: Character) -> Bool {
        character.isASCII && character.isLowercase
    }

    /// `aws` optionally followed by `-word` groups (`aws-cn`, `aws-us-gov`, `aws-iso-b`).
    private static func isPartition(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.first == "aws"
            && groups.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy(isLowercaseLetter) }
    }

    /// Two letters, one or more `-word` groups, then `-<digits>` (`us-east-1`, `us-gov-west-1`).
    private static func isRegion(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.count >= 3, let first = groups.first, let last = groups.last else { return false }
        return first.count == 2 && first.allSatisfy(isLowercaseLetter) && !last.isEmpty && last.allSatisfy(isDigit)
            && groups.dropFirst().dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy(isLowercaseLetter) }
    }
}
