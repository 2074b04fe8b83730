// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "thidua",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "thidua", targets: ["thidua"]),
        .library(name: "ThiDuaCore", targets: ["ThiDuaCore"]),
        .library(name: "ThiDuaStore", targets: ["ThiDuaStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(
            name: "ThiDuaCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "ThiDuaStore",
            dependencies: [
                "ThiDuaCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "thidua",
            dependencies: [
                "ThiDuaCore",
                "ThiDuaStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ThiDuaCoreTests", dependencies: ["ThiDuaCore"]),
        .testTarget(
            name: "ThiDuaStoreTests",
            dependencies: ["ThiDuaStore", "ThiDuaCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "ThiDuaCLITests",
            dependencies: ["thidua", "ThiDuaStore", "ThiDuaCore"]
        ),
    ]
)
