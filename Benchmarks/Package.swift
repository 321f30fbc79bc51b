// swift-tools-version:6.0
import PackageDescription

// Load generators for Simpul's throughput targets. A separate package so that `swift test` at
// the root never builds or runs them; the root README says how to run each one.
let package = Package(
    name: "SimpulBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(name: "simpul", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "TextBench",
            dependencies: [
                .product(name: "SimpulCore", package: "simpul"),
                .product(name: "SimpulPlatforms", package: "simpul"),
            ]
        ),
        .executableTarget(
            name: "ListenBench",
            dependencies: [.product(name: "SimpulCore", package: "simpul")]
        ),
        .executableTarget(
            name: "HoaxBench",
            dependencies: [.product(name: "SimpulCore", package: "simpul")]
        ),
        .executableTarget(
            name: "ParseBench",
            dependencies: [.product(name: "SimpulPlatforms", package: "simpul")]
        ),
        .executableTarget(
            name: "InboxLatency",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .executableTarget(
            name: "PageLoad",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .executableTarget(
            name: "FakePlatform",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "IngestDeliveries",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
    ]
)
