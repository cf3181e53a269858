// SPDX-License-Identifier: Apache-2.0

/// The flag-set settings of the default flag set (GOFF's CommonFlagSet keys at the top level).
public struct FlagRetrievalConfiguration: Sendable, Hashable {
    /// `retriever` followed by the `retrievers` list. Empty: the relay serves no flags (collector only).
    public var retrievers: [RetrieverConfiguration]
    /// `fileFormat` as written (`yaml`, `json`, `toml`; case-insensitive, unknown means YAML); default `yaml`.
    public var fileFormat: String
    /// `pollingInterval` in milliseconds; default 60 000.
    public var pollingInterval: Int
    /// `enablePollingJitter`; default `false`.
    public var enablePollingJitter: Bool
    /// `startWithRetrieverError`; default `false`.
    public var startWithRetrieverError: Bool
    /// `persistentFlagConfigurationFile`, or `nil`.
    public var persistentFlagConfigurationFile: String?
    /// `evaluationContextEnrichment` as written (a mapping), or `nil`.
    public var evaluationContextEnrichment: ConfigNode?

    /// Creates the settings; every parameter has GOFF's default.
    public init(
        retrievers: [RetrieverConfiguration] = [], fileFormat: String = "yaml", pollingInterval: Int = 60_000,
        enablePollingJitter: Bool = false, startWithRetrieverError: Bool = false,
        persistentFlagConfigurationFile: String? = nil, evaluationContextEnrichment: ConfigNode? = nil
    ) {
        self.retrievers = retrievers
        self.fileFormat = fileFormat
        self.pollingInterval = pollingInterval
        self.enablePollingJitter = enablePollingJitter
        self.startWithRetrieverError = startWithRetrieverError
        self.persistentFlagConfigurationFile = persistentFlagConfigurationFile
        self.evaluationContextEnrichment = evaluationContextEnrichment
    }
}
