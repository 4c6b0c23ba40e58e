// swift-tools-version: 6.1
// Lanes' benchmark suite (ordo-one/benchmark), kept apart so the main build stays light.
// Run from this directory: swift package benchmark   (see docs/performance.md)
// Boards for #20's table: swift run -c release generate-board ISSUES EVENTS DIRECTORY
import PackageDescription

let package = Package(
    name: "LanesBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "lanes", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The generated boards, shared by the suite and `generate-board`. Outside Benchmarks/
        // (the plugin runs every executable there as a benchmark).
        .target(name: "BoardGeneration", dependencies: [.product(name: "LanesKit", package: "lanes")]),
        .executableTarget(name: "generate-board", dependencies: ["BoardGeneration", .product(name: "LanesKit", package: "lanes")]),
        // Times the parts of the `list --format json` and `/` filter rows one by one, for profiling.
        .executableTarget(name: "profile-driver", dependencies: [.product(name: "LanesKit", package: "lanes")]),
        .testTarget(name: "BoardGenerationTests", dependencies: ["BoardGeneration", .product(name: "LanesKit", package: "lanes")]),
        .executableTarget(
            name: "LanesBenchmarks",
            dependencies: [
                "BoardGeneration",
                .product(name: "LanesKit", package: "lanes"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LanesBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
