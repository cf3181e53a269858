// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import FlagRetrieval

@Suite("File retriever")
struct FileRetrieverTests {
    @Test("reads the whole file again on every retrieval")
    func readsEveryTime() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let path = try directory.write("flags.yaml", "a:\n  version: one\n")
        let retriever = FileRetriever(path: path)
        #expect(text(try await retriever.retrieve()) == "a:\n  version: one\n")
        try directory.write("flags.yaml", "a:\n  version: two\n")
        #expect(text(try await retriever.retrieve()) == "a:\n  version: two\n")
    }

    @Test("reads files larger than one read chunk")
    func largeFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let content = String(repeating: "0123456789abcdef", count: 10_000)
        let retriever = FileRetriever(path: try directory.write("big.yaml", content))
        #expect(try await retriever.retrieve().count == content.utf8.count)
    }

    @Test("a missing file or a directory fails with Go's wording")
    func failures() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let missing = await retrievalError { try await FileRetriever(path: directory.path + "/none.yaml").retrieve() }
        #expect(missing?.code == .fileUnreadable)
        #expect(missing?.message == "open \(directory.path)/none.yaml: no such file or directory")
        let folder = await retrievalError { try await FileRetriever(path: directory.path).retrieve() }
        #expect(folder?.message == "read \(directory.path): is a directory")
    }
}
