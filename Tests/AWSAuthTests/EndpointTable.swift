// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// `Fixtures/kinesis-endpoints.json`: PutRecords URLs resolved by botocore (see generate_endpoints.py).
/// Rows with `config` ran with that text as the shared config file; a `nil` region came from it.
struct EndpointTable: Decodable {
    struct Row: Decodable, CustomTestStringConvertible, Sendable {
        var name: String
        var region: String?
        var streamARN: String?
        var config: String?
        var environment: [String: String]
        var url: String?
        var error: String?
        var errorType: String?

        var testDescription: String { name }
    }

    var botocore: String
    var rows: [Row]

    static func load() throws -> EndpointTable {
        guard let url = Bundle.module.url(forResource: "Fixtures/kinesis-endpoints", withExtension: "json") else {
            throw SuiteError("kinesis-endpoints.json missing from the test bundle")
        }
        return try JSONDecoder().decode(EndpointTable.self, from: Data(contentsOf: url))
    }

    /// The rows, or none when the file cannot be read (``KinesisEndpointResolverTests`` then fails).
    static let rows: [Row] = (try? load().rows) ?? []
}
