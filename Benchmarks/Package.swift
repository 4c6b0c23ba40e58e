// swift-tools-version: 6.1
// Lanes' benchmark suite (ordo-one/benchmark), kept apart so the main build stays light.
// Run from this directory: swift package benchmark   (see docs/performance.md)
import PackageDescription

let package = Package(
    name: "LanesBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "lanes", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LanesBenchmarks",
            dependencies: [
                .product(name: "LanesKit", package: "lanes"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LanesBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
