// swift-tools-version: 6.1
// libFuzzer targets for thidua's pure core (issue 10). Not part of the root package or `swift test`:
// build and run them with ./run.sh (see README.md).
import PackageDescription

/// libFuzzer supplies `main`; each target defines only `LLVMFuzzerTestOneInput`.
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "thidua-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "thidua", path: "../..")],
    targets: ["FuzzJSON", "FuzzEnvelope", "FuzzDecider"].map { name in
        .executableTarget(
            name: name,
            dependencies: ["ThiDuaJSON", "ThiDuaLog", "ThiDuaCore"].map { .product(name: $0, package: "thidua") },
            path: name, swiftSettings: fuzzTarget)
    }
)
