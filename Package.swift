// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "simpul",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "simpul", targets: ["simpul"]),
        // For the Benchmarks package, which measures the text engine and the Sandbox's texts.
        .library(name: "SimpulCore", targets: ["SimpulCore"]),
        .library(name: "SimpulPlatforms", targets: ["SimpulPlatforms"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", exact: "0.14.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // Already resolved through Vapor; named here because the SMTP client speaks to the mail
        // server on SwiftNIO channels directly (STARTTLS needs the TLS handler added mid-stream).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.30.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "SimpulCore", dependencies: ["CZlib"], resources: [.copy("Resources")]),
        .target(
            name: "SimpulPlatforms",
            dependencies: [
                "SimpulCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "SimpulServer",
            dependencies: [
                "SimpulCore",
                "SimpulPlatforms",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "simpul",
            dependencies: ["SimpulServer"]
        ),
        .testTarget(name: "SimpulCoreTests", dependencies: ["SimpulCore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SimpulPlatformsTests",
            dependencies: ["SimpulPlatforms"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SimpulServerTests",
            dependencies: [
                "SimpulServer",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["Snapshots/__Snapshots__", "Fixtures"]
        ),
    ]
)
