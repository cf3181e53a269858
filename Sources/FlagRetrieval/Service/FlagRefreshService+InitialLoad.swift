// SPDX-License-Identifier: Apache-2.0

import Logging

extension FlagRefreshService {
    /// The first load with GOFF's fallbacks: the persistent file, then `startWithRetrieverError`.
    func performInitialLoad() async -> Result<Void, FlagRetrievalError> {
        let sequence = state.beginRefresh()
        let retrievalError: FlagRetrievalError
        do {
            let flags = try await loader.load()
            try state.applyIfLatest(sequence) { () throws(FlagRetrievalError) in
                try install(flags, persist: true)
            }
            return .success(())
        } catch {
            retrievalError = error
        }
        if let path = configuration.persistentFlagConfigurationFile {
            logger.error(
                "impossible to retrieve the flags, trying the persistent flag configuration file",
                metadata: ["goff.path": .string(path), "goff.error": .string(retrievalError.message)])
            do {
                try loadPersistentFile(path: path, sequence: sequence)
                return .success(())
            } catch {
                guard configuration.startWithRetrieverError else {
                    return .failure(
                        FlagRetrievalError(
                            code: .initialLoad,
                            message: "impossible to use the persistent flag configuration file: \(error.message) "
                                + "[original error: \(retrievalError.message)]"))
                }
                logger.error(
                    "impossible to use the persistent flag configuration file, starting with no flags",
                    metadata: ["goff.path": .string(path), "goff.error": .string(error.message)])
                return .success(())
            }
        }
        guard configuration.startWithRetrieverError else {
            return .failure(
                FlagRetrievalError(
                    code: .initialLoad,
                    message: "impossible to retrieve the flags, please check your configuration: "
                        + retrievalError.message))
        }
        logger.error(
            "impossible to retrieve the flags, starting with the retriever error",
            metadata: ["goff.error": .string(retrievalError.message)])
        return .success(())
    }

    /// Installs the flags of the persistent file (without rewriting it).
    private func loadPersistentFile(path: String, sequence: UInt64) throws(FlagRetrievalError) {
        guard let flags = try PersistentFlagFile(path: path).read() else {
            logger.warning("no persistent flag configuration found", metadata: ["goff.path": .string(path)])
            throw FlagRetrievalError(code: .persistentFile, message: "no persistent flag available")
        }
        try state.applyIfLatest(sequence) { () throws(FlagRetrievalError) in
            try install(flags, persist: false)
        }
        logger.warning(
            "started with the flags of the persistent flag configuration file",
            metadata: ["goff.path": .string(path), "goff.flags": .stringConvertible(flags.count)])
    }
}
