// SPDX-License-Identifier: Apache-2.0

/// Where to send Kinesis data-plane requests (PutRecords) and how to sign them.
public struct KinesisEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The request URL, for example `https://kinesis.us-east-1.amazonaws.com/`.
    public let url: String
    /// The SigV4 region: always the client's region, whatever the host.
    public let signingRegion: String
    /// The SigV4 signing name, `kinesis`.
    public let signingName: String

    /// Creates an endpoint.
    /// - Parameters:
    ///   - url: The request URL.
    ///   - signingRegion: The SigV4 region.
    ///   - signingName: The SigV4 signing name.
    public init(url: String, signingRegion: String, signingName: String = "kinesis") {
        self.url = url
        self.signingRegion = signingRegion
        self.signingName = signingName
    }

    /// For example `https://kinesis.us-east-1.amazonaws.com/ (signed for us-east-1/kinesis)`.
    public var description: String { "\(url) (signed for \(signingRegion)/\(signingName))" }
}
