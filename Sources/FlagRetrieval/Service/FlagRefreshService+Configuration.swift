// SPDX-License-Identifier: Apache-2.0

extension FlagRefreshService {
    /// The flag-set settings that drive retrieval (GOFF's CommonFlagSet keys).
    public struct Configuration: Sendable, Equatable {
        /// How retrieved files are decoded (`fileFormat`). Default YAML.
        public var fileFormat: FlagFileFormat
        /// `pollingInterval` in milliseconds: 0 means 60 s, 1…999 means 1 s, negative disables polling.
        /// Default 60 000.
        public var pollingInterval: Int
        /// `enablePollingJitter`: move the period by up to ±10 %, chosen once. Default `false`.
        public var enablePollingJitter: Bool
        /// `startWithRetrieverError`: start with no flags when the first retrieval (and the persistent file)
        /// fail, instead of failing start-up. Default `false`.
        public var startWithRetrieverError: Bool
        /// `persistentFlagConfigurationFile`: where to keep a copy of the last good flags, read when the
        /// first retrieval fails. Default none.
        public var persistentFlagConfigurationFile: String?

        /// Creates a configuration; every parameter has GOFF's default.
        /// - Parameters:
        ///   - fileFormat: The flag file format.
        ///   - pollingInterval: The polling interval in milliseconds.
        ///   - enablePollingJitter: Whether to jitter the period.
        ///   - startWithRetrieverError: Whether a failed first retrieval is tolerated.
        ///   - persistentFlagConfigurationFile: The snapshot file path, or `nil`.
        public init(
            fileFormat: FlagFileFormat = .yaml,
            pollingInterval: Int = 60_000,
            enablePollingJitter: Bool = false,
            startWithRetrieverError: Bool = false,
            persistentFlagConfigurationFile: String? = nil
        ) {
            self.fileFormat = fileFormat
            self.pollingInterval = pollingInterval
            self.enablePollingJitter = enablePollingJitter
            self.startWithRetrieverError = startWithRetrieverError
            self.persistentFlagConfigurationFile = persistentFlagConfigurationFile
        }
    }
}
