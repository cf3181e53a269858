// SPDX-License-Identifier: Apache-2.0

import Events
import Foundation
import Testing

@testable import FlagRetrieval

@Suite("Start-up: startWithRetrieverError and the persistent flag file")
struct StartupTests {
    private let down = ScriptedRetriever(.failure("open /flags.yaml: no such file or directory"))

    @Test("a failed first retrieval is a start-up error by default")
    func failsStartup() async {
        let service = makeService([down])
        let error = await retrievalError { try await service.initialLoad() }
        #expect(error?.code == .initialLoad)
        #expect(
            error?.message
                == "impossible to retrieve the flags, please check your configuration: "
                + "open /flags.yaml: no such file or directory")
        let runError = await retrievalError { try await service.run() }
        #expect(runError == error)
    }

    @Test("startWithRetrieverError starts with no flags and the next good refresh fills the store")
    func startsEmpty() async throws {
        let retriever = ScriptedRetriever(.failure("down"))
        let service = makeService([retriever], .init(startWithRetrieverError: true))
        try await service.initialLoad()
        #expect(service.store.flags.isEmpty)
        #expect(service.store.cacheRefresh == nil)
        retriever.set(.bytes("a:\n  version: x\n"))
        #expect(await service.refreshNow())
        #expect(service.store.flags.keys == ["a"])
        #expect(service.store.cacheRefresh != nil)
    }

    @Test("every changed load is persisted as JSON with mode 0600; an unchanged one only if the file is gone")
    func persists() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let retriever = ScriptedRetriever(.bytes("b:\n  version: 1.0\na:\n  variations: {on: true}\n"))
        let service = makeService([retriever], .init(persistentFlagConfigurationFile: directory.path + "/snap.json"))
        try await service.initialLoad()
        #expect(directory.read("snap.json") == #"{"a":{"variations":{"on":true}},"b":{"version":"1.0"}}"# + "\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.path + "/snap.json")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        try directory.write("snap.json", "left alone")
        #expect(await service.refreshNow())
        #expect(directory.read("snap.json") == "left alone")

        try FileManager.default.removeItem(atPath: directory.path + "/snap.json")
        #expect(await service.refreshNow())
        #expect(directory.read("snap.json")?.hasPrefix(#"{"a":"#) == true)

        retriever.set(.bytes("c:\n  version: z\n"))
        #expect(await service.refreshNow())
        #expect(directory.read("snap.json") == #"{"c":{"version":"z"}}"# + "\n")
    }

    @Test("when the first retrieval fails, the persistent file is used and not rewritten")
    func usesPersistentFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let path = try directory.write("snap.json", #"{"a":{"version":"saved"}}"#)
        let lines = LogLines()
        let service = makeService([down], .init(persistentFlagConfigurationFile: path), logger: lines.logger())
        try await service.initialLoad()
        #expect(service.store.flags["a"] == ["version": "saved"])
        #expect(directory.read("snap.json") == #"{"a":{"version":"saved"}}"#)
        #expect(lines.all.contains { $0.contains("trying the persistent flag configuration file") })
    }

    @Test("a YAML persistent file (as GOFF writes it) is read too")
    func yamlPersistentFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let path = try directory.write("snap.yaml", "a:\n  version: \"saved\"\n  trackEvents: false\n")
        let service = makeService([down], .init(persistentFlagConfigurationFile: path))
        try await service.initialLoad()
        #expect(service.store.flags["a"] == ["version": "saved", "trackEvents": false])
    }

    @Test("no persistent file: start-up fails with both errors, unless startWithRetrieverError")
    func missingPersistentFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/none.json"
        let strict = makeService([down], .init(persistentFlagConfigurationFile: path))
        let error = await retrievalError { try await strict.initialLoad() }
        #expect(
            error?.message
                == "impossible to use the persistent flag configuration file: no persistent flag available "
                + "[original error: open /flags.yaml: no such file or directory]")
        let tolerant = makeService(
            [down], .init(startWithRetrieverError: true, persistentFlagConfigurationFile: path))
        try await tolerant.initialLoad()
        #expect(tolerant.store.flags.isEmpty)
    }

    @Test("a corrupt persistent file is reported as such")
    func corruptPersistentFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let path = try directory.write("snap.json", "[not flags")
        let service = makeService([down], .init(persistentFlagConfigurationFile: path))
        let error = await retrievalError { try await service.initialLoad() }
        #expect(error?.code == .initialLoad)
        #expect(error?.message.hasPrefix("impossible to use the persistent flag configuration file: yaml: ") == true)
    }
}
