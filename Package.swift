// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "goff-relay",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "goff-relay", targets: ["goff-relay"]),
        .executable(name: "fake-kinesis", targets: ["fake-kinesis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "CurlTransport",
            dependencies: [
                "CCurl",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AWSAuth",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto")
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "Events", swiftSettings: swiftSettings),
        .target(
            name: "FlagRetrieval",
            dependencies: [
                "CurlTransport",
                "Events",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FlagEngine",
            dependencies: ["Events"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "EventSpool",
            dependencies: [
                .product(name: "Logging", package: "swift-log")
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KinesisExporter",
            dependencies: [
                "AWSAuth",
                "CurlTransport",
                "EventSpool",
                "Events",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RelayConfig",
            dependencies: [
                .product(name: "Yams", package: "Yams")
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RelayServer",
            dependencies: [
                "Events",
                "EventSpool",
                "KinesisExporter",
                "RelayConfig",
                "FlagEngine",
                "FlagRetrieval",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "goff-relay",
            dependencies: [
                "AWSAuth",
                "CurlTransport",
                "EventSpool",
                "KinesisExporter",
                "RelayConfig",
                "RelayServer",
                "FlagEngine",
                "FlagRetrieval",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fake-kinesis",
            dependencies: [
                "AWSAuth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/Support/fake-kinesis",
            exclude: ["README.md", "checks"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "collector-ceilings",
            dependencies: ["Events", "EventSpool", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/collector-ceilings",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "eval-bench",
            dependencies: ["FlagEngine", "Events"],
            path: "Benchmarks/eval-bench",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CurlTransportTests", dependencies: ["CurlTransport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AWSAuthTests",
            dependencies: ["AWSAuth"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "EventsTests", dependencies: ["Events"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FlagRetrievalTests",
            dependencies: [
                "FlagRetrieval", "CurlTransport", "Events", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FlagEngineTests",
            dependencies: ["FlagEngine", "Events"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EventSpoolTests",
            dependencies: ["EventSpool", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KinesisExporterTests",
            dependencies: ["KinesisExporter", "AWSAuth", "Events", "EventSpool", "CurlTransport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "RelayConfigTests", dependencies: ["RelayConfig"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RelayServerTests",
            dependencies: [
                "RelayServer", "Events", "EventSpool", "KinesisExporter", "RelayConfig", "CurlTransport",
                "FlagEngine", "FlagRetrieval",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
