// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "lanes",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lanes", targets: ["lanes"]),
        // The libraries behind the binary, for the separate Benchmarks/ package.
        .library(name: "LanesKit", targets: ["Screen", "BoardModel", "BoardStore", "BoardExchange", "Keymap", "BoardViews", "LanesApp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
    ],
    targets: [
        // The only place that touches ncurses macros and globals.
        .target(
            name: "CNcursesShim",
            cSettings: [.define("NCURSES_WIDECHAR", to: "1"), .define("_XOPEN_SOURCE_EXTENDED", to: "1"), .define("_GNU_SOURCE")],
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .target(name: "Screen"),
        .target(name: "BoardModel"),
        .target(name: "BoardStore", dependencies: ["BoardModel"]),
        .target(name: "BoardExchange", dependencies: ["BoardModel", "Screen"]),
        .target(name: "Keymap", dependencies: ["BoardModel", "Screen"]),
        .target(
            name: "BoardViews",
            dependencies: ["Screen", "BoardModel", "Keymap"],
            // themes/ at the top level is the one copy; the symlink embeds it in the binary.
            resources: [.embedInCode("themes")]
        ),
        .target(name: "NcursesScreen", dependencies: ["Screen", "CNcursesShim"]),
        .target(
            name: "LanesApp",
            dependencies: ["Screen", "BoardModel", "BoardStore", "Keymap", "BoardViews"]
        ),
        .executableTarget(
            name: "lanes",
            dependencies: [
                "LanesApp", "NcursesScreen", "Screen", "BoardModel", "BoardStore", "BoardExchange", "Keymap", "BoardViews",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ScreenTests", dependencies: ["Screen"]),
        .testTarget(name: "BoardModelTests", dependencies: ["BoardModel"]),
        .testTarget(name: "BoardStoreTests", dependencies: ["BoardStore", "BoardModel"]),
        .testTarget(name: "BoardExchangeTests", dependencies: ["BoardExchange", "BoardModel"]),
        .testTarget(name: "KeymapTests", dependencies: ["Keymap", "BoardModel"]),
        .testTarget(
            name: "BoardViewsTests",
            dependencies: ["BoardViews", "LanesApp", "Screen", "BoardModel", "Keymap"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "LanesAppTests", dependencies: ["LanesApp", "BoardStore", "BoardModel", "Screen", "Keymap"]),
        .testTarget(name: "NcursesScreenTests", dependencies: ["NcursesScreen", "Screen", "BoardViews"]),
        .testTarget(name: "EndToEndTests", dependencies: ["lanes"]),
    ]
)
