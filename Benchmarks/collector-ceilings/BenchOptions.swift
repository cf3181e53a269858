// SPDX-License-Identifier: Apache-2.0

/// `--name value` pairs of the command line.
struct BenchOptions {
    private var values: [String: String] = [:]

    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let name = iterator.next() {
            if let value = iterator.next() { values[name] = value }
        }
    }

    /// The value given after `name`, if any.
    func value(_ name: String) -> String? { values[name] }
}
