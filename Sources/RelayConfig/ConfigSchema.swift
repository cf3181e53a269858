// SPDX-License-Identifier: Apache-2.0

/// The keys goff-relay knows: the ones it uses, GOFF's ones it accepts but does not use yet, and
/// the shape of each (needed to map environment variables onto key paths).
enum ConfigSchema {
    /// What goff-relay does with a key.
    enum Usage: Equatable, Sendable {
        /// Decoded and used.
        case used
        /// A GOFF key, kept raw for a later feature; warned as "accepted, not used by goff-relay yet".
        case notYetUsed
    }

    /// The shape of a key's value.
    indirect enum Shape: Sendable {
        /// A scalar.
        case scalar
        /// A list of scalars (comma-separated in environment variables).
        case list
        /// A mapping with known children.
        case section([KeySpec])
        /// A mapping with arbitrary children (kept raw).
        case openMap
        /// One object (exporter, retriever): arbitrary fields, the known ones spelled canonically.
        case object(fields: [String])
        /// A list of objects, addressed as `<KEY>_<index>_<FIELD>` in the environment.
        case objectList(fields: [String])
    }

    /// One known key.
    struct KeySpec: Sendable {
        let name: String
        let shape: Shape
        let usage: Usage

        init(_ name: String, _ shape: Shape = .scalar, _ usage: Usage = .notYetUsed) {
            self.name = name
            self.shape = shape
            self.usage = usage
        }
    }

    /// Fields goff-relay reads in a `kind: kinesis` exporter.
    static let kinesisFields = [
        "kind", "streamArn", "streamName", "eventType", "partitionKey", "partitionKeyFrom", "explicitHashKey",
        "maxBatchBytes", "maxBatchRecords", "maxRecordBytes", "requestTimeout", "connectTimeout", "maxConcurrentCalls",
        "retryBaseDelay", "retryMaxDelay", "parkedRetryInterval",
    ]

    /// GOFF's exporter fields for any kind (accepted for kinesis and ignored).
    static let goffCommonExporterFields = ["format", "flushInterval", "maxEventInMemory"]

    /// GOFF's fields of the other exporter kinds (accepted and ignored for kinesis).
    static let goffOtherExporterFields = [
        "filename", "csvTemplate", "parquetCompressionCodec", "outputDir", "bucket", "path", "endpointUrl",
        "secret", "meta", "headers", "logFormat", "queueUrl", "kafka", "projectID", "topic", "datasetID",
        "tableName", "googleCredentials", "autoMigrate", "accountName", "accountKey", "container", "tracerName",
    ]

    /// Every exporter field goff-relay or GOFF knows.
    static let exporterFields = kinesisFields + goffCommonExporterFields + goffOtherExporterFields

    /// Retriever fields of every GOFF retriever kind.
    static let retrieverFields = [
        "kind", "timeout", "path", "url", "method", "body", "headers", "clientCertPath", "clientKeyPath",
        "caCertPath", "repositorySlug", "branch", "token", "githubToken", "baseUrl", "bucket", "item",
        "object", "namespace", "configmap", "key", "uri", "database", "collection", "redisOptions",
        "redisPrefix", "accountName", "accountKey", "container", "table", "columns",
    ]

    /// Notifier fields of every GOFF notifier kind.
    static let notifierFields = [
        "kind", "webhookUrl", "slackWebhookUrl", "endpointUrl", "secret", "meta", "headers",
    ]

    /// Keys of a GOFF flagset entry.
    static let flagsetFields = [
        "name", "apiKeys", "retriever", "retrievers", "exporter", "exporters", "notifier", "notifiers",
        "fileFormat", "pollingInterval", "enablePollingJitter", "startWithRetrieverError",
        "disableNotifierOnInit", "evaluationContextEnrichment", "persistentFlagConfigurationFile", "environment",
    ]

    /// Object-list keys that may appear inside a flagset and be indexed from the environment.
    static let nestedListFields: [String: [String]] = [
        "retrievers": retrieverFields, "notifier": notifierFields, "notifiers": notifierFields,
        "exporters": exporterFields,
    ]

    /// Children of `server`.
    static let serverKeys = [
        KeySpec("host", .scalar, .used), KeySpec("port", .scalar, .used), KeySpec("monitoringPort", .scalar, .used),
        KeySpec("mode"), KeySpec("unixSocketPath"), KeySpec("awsLambdaAdapter"), KeySpec("awsApiGatewayBasePath"),
    ]

    /// Children of `collector` (goff-relay's own section).
    static let collectorKeys = [KeySpec("maxBodyBytes", .scalar, .used), KeySpec("maxQueueBytes", .scalar, .used)]

    /// Every top-level key.
    static let topLevelKeys: [KeySpec] = [
        KeySpec("server", .section(serverKeys), .used),
        KeySpec("listen", .scalar, .used),
        KeySpec("monitoringPort", .scalar, .used),
        KeySpec("logLevel", .scalar, .used),
        KeySpec("logFormat", .scalar, .used),
        KeySpec("envVariablePrefix", .scalar, .used),
        KeySpec("exporter", .object(fields: exporterFields), .used),
        KeySpec("exporters", .objectList(fields: exporterFields), .used),
        KeySpec("dataDir", .scalar, .used),
        KeySpec("shutdownGracePeriod", .scalar, .used),
        KeySpec("durability", .scalar, .used),
        KeySpec("maxSpoolBytes", .scalar, .used),
        KeySpec("whenFull", .scalar, .used),
        KeySpec("collector", .section(collectorKeys), .used),
        KeySpec("retriever", .object(fields: retrieverFields), .used),
        KeySpec("retrievers", .objectList(fields: retrieverFields), .used),
        KeySpec("notifier", .objectList(fields: notifierFields)),
        KeySpec("notifiers", .objectList(fields: notifierFields)),
        KeySpec("flagsets", .objectList(fields: flagsetFields)),
        KeySpec(
            "authorizedKeys", .section([KeySpec("evaluation", .list, .used), KeySpec("admin", .list, .used)]), .used),
        KeySpec("apiKeys", .list, .used),
        KeySpec("pollingInterval", .scalar, .used), KeySpec("fileFormat", .scalar, .used),
        KeySpec("enablePollingJitter", .scalar, .used), KeySpec("startWithRetrieverError", .scalar, .used),
        KeySpec("disableNotifierOnInit"), KeySpec("evaluationContextEnrichment", .openMap, .used),
        KeySpec("persistentFlagConfigurationFile", .scalar, .used),
        KeySpec("environment"), KeySpec("startAsAwsLambda"), KeySpec("awsLambdaAdapter"),
        KeySpec("awsApiGatewayBasePath"), KeySpec("hideBanner"), KeySpec("enablePprof"),
        KeySpec("disableVersionHeader", .scalar, .used),
        KeySpec("swagger", .section([KeySpec("enabled"), KeySpec("host")])),
        KeySpec("enableSwagger"), KeySpec("host"), KeySpec("openTelemetryOtlpEndpoint"),
        KeySpec("otel", .openMap), KeySpec("jaeger", .openMap), KeySpec("enableBulkMetricFlagNames"),
        KeySpec("exporterCleanQueueInterval"), KeySpec("version"),
    ]

    /// The known spelling of `name` among `candidates`, matched ignoring case.
    static func canonical(_ name: String, in candidates: [String]) -> String? {
        if candidates.contains(name) { return name }
        let lowered = name.lowercased()
        return candidates.first { $0.lowercased() == lowered }
    }

    /// The spec of `name` among `specs`, matched ignoring case.
    static func spec(named name: String, in specs: [KeySpec]) -> KeySpec? {
        guard let canonicalName = canonical(name, in: specs.map(\.name)) else { return nil }
        return specs.first { $0.name == canonicalName }
    }
}
