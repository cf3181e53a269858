// SPDX-License-Identifier: Apache-2.0

/// An AWS partition as botocore 1.43's `partitions.json` describes it, plus the two Kinesis
/// endpoint-rule facts that depend on it.
struct AWSPartition: Sendable, Equatable {
    /// The partition ID, for example `aws-cn`.
    let name: String
    /// The region pattern `^(<prefix>|…)-\w+-\d+$`, stored as its prefixes.
    let regionPrefixes: [String]
    /// Regions listed by name that the pattern does not match (the `*-global` pseudo-regions).
    let namedRegions: [String]
    /// The DNS suffix, for example `amazonaws.com.cn`.
    let dnsSuffix: String
    /// The dual-stack DNS suffix, for example `api.amazonwebservices.com.cn`.
    let dualStackDNSSuffix: String
    /// Whether Kinesis's rules build `{account}.data-kinesis…` hosts here (all but aws-iso, aws-iso-b).
    let accountEndpoints: Bool
    /// Whether botocore accepts dual-stack here. Its legacy `endpoints.json` models no dual-stack
    /// variant for aws-iso-e and aws-iso-f and refuses, before the rules run, for every region it
    /// knows there, i.e. that matches the pattern (aws-iso and aws-iso-b are exempt from that check).
    let dualStack: Bool

    /// In botocore's order; a region no partition claims belongs to the first, `aws`.
    static let all: [AWSPartition] = [
        AWSPartition(
            name: "aws", regionPrefixes: ["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"],
            namedRegions: ["aws-global"], dnsSuffix: "amazonaws.com", dualStackDNSSuffix: "api.aws",
            accountEndpoints: true, dualStack: true),
        AWSPartition(
            name: "aws-cn", regionPrefixes: ["cn"], namedRegions: ["aws-cn-global"],
            dnsSuffix: "amazonaws.com.cn", dualStackDNSSuffix: "api.amazonwebservices.com.cn",
            accountEndpoints: true, dualStack: true),
        AWSPartition(
            name: "aws-eusc", regionPrefixes: ["eusc-de"], namedRegions: [], dnsSuffix: "amazonaws.eu",
            dualStackDNSSuffix: "api.amazonwebservices.eu", accountEndpoints: true, dualStack: true),
        AWSPartition(
            name: "aws-iso", regionPrefixes: ["us-iso"], namedRegions: ["aws-iso-global"], dnsSuffix: "c2s.ic.gov",
            dualStackDNSSuffix: "api.aws.ic.gov", accountEndpoints: false, dualStack: true),
        AWSPartition(
            name: "aws-iso-b", regionPrefixes: ["us-isob"], namedRegions: ["aws-iso-b-global"],
            dnsSuffix: "sc2s.sgov.gov", dualStackDNSSuffix: "api.aws.scloud", accountEndpoints: false,
            dualStack: true),
        AWSPartition(
            name: "aws-iso-e", regionPrefixes: ["eu-isoe"], namedRegions: ["aws-iso-e-global"],
            dnsSuffix: "cloud.adc-e.uk", dualStackDNSSuffix: "api.cloud-aws.adc-e.uk", accountEndpoints: true,
            dualStack: false),
        AWSPartition(
            name: "aws-iso-f", regionPrefixes: ["us-isof"], namedRegions: ["aws-iso-f-global"],
            dnsSuffix: "csp.hci.ic.gov", dualStackDNSSuffix: "api.aws.hci.ic.gov", accountEndpoints: true,
            dualStack: false),
        AWSPartition(
            name: "aws-us-gov", regionPrefixes: ["us-gov"], namedRegions: ["aws-us-gov-global"],
            dnsSuffix: "amazonaws.com", dualStackDNSSuffix: "api.aws", accountEndpoints: true, dualStack: true),
    ]

    /// The partition of a region: the first whose named regions or pattern match, else `aws`.
    static func of(region: String) -> AWSPartition {
        all.first { $0.namedRegions.contains(region) || $0.matches(region) } ?? all[0]
    }

    /// `^(<prefix>)-\w+-\d+$`, case-sensitive, like botocore's `re.match`.
    func matches(_ region: String) -> Bool {
        regionPrefixes.contains { prefix in
            guard region.hasPrefix(prefix + "-") else { return false }
            let parts = region.dropFirst(prefix.count + 1).split(separator: "-", omittingEmptySubsequences: false)
            return parts.count == 2
                && parts[0].utf8.allSatisfy(Self.isWordByte) && parts[1].utf8.allSatisfy(Self.isDigitByte)
                && !parts[0].isEmpty && !parts[1].isEmpty
        }
    }

    private static func isDigitByte(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigitByte(byte) || byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}
