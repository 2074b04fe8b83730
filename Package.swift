// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "thidua",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "thidua", targets: ["thidua"]),
        // Libraries for the fuzz targets under Tools/fuzz, which build as a package of their own.
        .library(name: "ThiDuaJSON", targets: ["ThiDuaJSON"]),
        .library(name: "ThiDuaLog", targets: ["ThiDuaLog"]),
        .library(name: "ThiDuaCore", targets: ["ThiDuaCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // Exact JSON: the parser, numbers kept as decimals, canonical bytes.
        .target(name: "ThiDuaJSON"),
        // The log's format: the envelope of an event, codes and text, timestamps, the hash chain.
        .target(
            name: "ThiDuaLog",
            dependencies: ["ThiDuaJSON", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The domain: the Decider (decide / evolve), year states, standings, elections, awards.
        .target(name: "ThiDuaCore", dependencies: ["ThiDuaJSON", "ThiDuaLog", .product(name: "Crypto", package: "swift-crypto")]),
        // The year report (§11): one self-contained HTML document; pure, so the CLI and the server write the same.
        .target(name: "ThiDuaReport", dependencies: ["ThiDuaJSON", "ThiDuaLog", "ThiDuaCore"]),
        // The SQLite log: schema, append, reads, projections, replay, verify.
        .target(
            name: "ThiDuaStore",
            dependencies: [
                "ThiDuaJSON", "ThiDuaLog", "ThiDuaCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // §12: the log over HTTP — routes, problem details, the group-commit writer, SSE.
        .target(
            name: "ThiDuaServer",
            dependencies: [
                "ThiDuaJSON", "ThiDuaLog", "ThiDuaCore", "ThiDuaStore", "ThiDuaReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("openapi.yaml")]
        ),
        // The remote CLI's HTTP/1.1 client (`--server URL`): SwiftNIO and its TLS, so no command loads libcurl at start.
        .target(
            name: "ThiDuaClient",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .executableTarget(
            name: "thidua",
            dependencies: [
                "ThiDuaJSON", "ThiDuaLog", "ThiDuaCore", "ThiDuaStore", "ThiDuaReport", "ThiDuaServer", "ThiDuaClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The demo's history ships inside the binary, so `thidua demo` works from any directory.
            resources: [.embedInCode("Examples/bdtw-2017-2018.jsonl")]
        ),
        // What more than one test target forges (a non-canonical signature); not part of any product.
        .target(name: "ThiDuaTestSupport", path: "Tests/ThiDuaTestSupport"),
        .testTarget(name: "ThiDuaCoreTests", dependencies: ["ThiDuaJSON", "ThiDuaLog", "ThiDuaCore", "ThiDuaTestSupport"]),
        .testTarget(name: "ThiDuaReportTests", dependencies: ["ThiDuaJSON", "ThiDuaLog", "ThiDuaCore", "ThiDuaReport"]),
        .testTarget(
            name: "ThiDuaStoreTests",
            dependencies: ["ThiDuaJSON", "ThiDuaLog", "ThiDuaCore", "ThiDuaStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "ThiDuaClientTests", dependencies: ["ThiDuaClient"]),
        .testTarget(name: "ThiDuaServerTests", dependencies: ["ThiDuaLog", "ThiDuaStore", "ThiDuaServer"]),
        .testTarget(
            name: "ThiDuaCLITests",
            dependencies: ["thidua", "ThiDuaJSON", "ThiDuaLog", "ThiDuaCore", "ThiDuaStore", "ThiDuaTestSupport"]
        ),
    ]
)
