// SPDX-License-Identifier: Apache-2.0

/// Runs every retriever of a flag set and merges their flags as GOFF's retriever manager does.
///
/// The retrievers run in parallel; each result is decoded in the flag set's ``FlagFileFormat``; the sets
/// are merged in declaration order, so a retriever listed later overrides a flag key defined earlier. If
/// any retriever (or its decoding) fails, the whole load fails with that error and the others are
/// cancelled: the caller keeps its previous flags.
public struct FlagLoader: Sendable {
    /// The retrievers, in declaration order (GOFF: the legacy `retriever` first, then `retrievers`).
    public let retrievers: [any FlagRetriever]
    /// The format every retrieved file is decoded with.
    public let format: FlagFileFormat

    /// Creates a loader.
    /// - Parameters:
    ///   - retrievers: The retrievers in declaration order.
    ///   - format: The flag set's `fileFormat`.
    public init(retrievers: [any FlagRetriever], format: FlagFileFormat = .yaml) {
        self.retrievers = retrievers
        self.format = format
    }

    /// Retrieves, decodes and merges.
    /// - Returns: The merged raw flags.
    /// - Throws: The first ``FlagRetrievalError`` met.
    public func load() async throws(FlagRetrievalError) -> FlagSet {
        let format = self.format
        do {
            let sets = try await withThrowingTaskGroup(of: (Int, FlagSet).self) { group in
                for (index, retriever) in retrievers.enumerated() {
                    group.addTask {
                        let bytes = try await Self.retrieve(retriever)
                        return (index, try FlagFileDecoder.decode(bytes, format: format))
                    }
                }
                var sets = [FlagSet?](repeating: nil, count: retrievers.count)
                for try await (index, set) in group {
                    sets[index] = set
                }
                return sets
            }
            var merged = FlagSet()
            for set in sets {
                if let set { merged.merge(set) }
            }
            return merged
        } catch let error as FlagRetrievalError {
            throw error
        } catch {
            throw FlagRetrievalError(code: .retrieverFailed, message: "\(error)")
        }
    }

    /// One retriever's bytes, its foreign errors wrapped.
    private static func retrieve(_ retriever: any FlagRetriever) async throws(FlagRetrievalError) -> [UInt8] {
        do {
            return try await retriever.retrieve()
        } catch let error as FlagRetrievalError {
            throw error
        } catch {
            throw FlagRetrievalError(code: .retrieverFailed, message: "\(error)")
        }
    }
}
