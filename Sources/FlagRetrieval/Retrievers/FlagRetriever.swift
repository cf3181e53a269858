// SPDX-License-Identifier: Apache-2.0

/// A source of raw flag configuration bytes (GOFF's `Retriever`): a file, an HTTP endpoint, …
///
/// A retriever only fetches; decoding by file format and merging happen in ``FlagLoader``.
public protocol FlagRetriever: Sendable {
    /// Fetches the current flag configuration.
    /// - Returns: The raw bytes of the flag file.
    /// - Throws: ``FlagRetrievalError`` (or any error, reported by its description) when nothing usable
    ///   could be fetched.
    func retrieve() async throws -> [UInt8]
}
