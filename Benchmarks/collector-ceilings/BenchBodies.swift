// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The request bodies a ceiling cycles through: one collector body per line of a file.
enum BenchBodies {
    /// A problem with the bodies file.
    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads the file; every non-empty line is one body.
    static func load(path: String) throws(LoadError) -> [[UInt8]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "cannot read \(path)")
        }
        let bodies = data.split(separator: UInt8(ascii: "\n")).map { [UInt8]($0) }
        guard !bodies.isEmpty else { throw LoadError(description: "\(path) holds no body") }
        return bodies
    }
}
