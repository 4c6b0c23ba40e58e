// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "lanes",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lanes", targets: ["lanes"]),
        // The libraries behind the binary, for the separate Benchmarks/ package.
        .library(name: "LanesKit", targets: [
            "Screen", "BoardModel", "BoardQuery", "BoardInteraction", "BoardStore", "BoardIndex", "BoardExchange", "Keymap", "BoardViews", "LanesApp",
        ]),
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
        // A hint to the processor the search text's passes give (C: Swift has no prefetch).
        .target(name: "CMemoryHints"),
        .target(name: "BoardQuery", dependencies: ["BoardModel", "CMemoryHints"]),
        .target(name: "BoardInteraction", dependencies: ["BoardModel", "BoardQuery", "Screen"]),
        .target(name: "BoardStore", dependencies: ["BoardModel"]),
        // The system SQLite, for the derived on-disk index (Debian: libsqlite3-dev).
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // The per-user on-disk index of a board: what a write or `show` touches, without the whole fold.
        .target(name: "BoardIndex", dependencies: ["BoardModel", "BoardQuery", "BoardStore", "CSQLite"]),
        .target(name: "BoardExchange", dependencies: ["BoardModel", "BoardQuery", "Screen"]),
        // Access over SSH: keys, the managed authorized_keys block, roles, the gateway's rules.
        .target(name: "BoardAccess", dependencies: ["BoardModel"]),
        // Mail to issues: MIME parsing, charsets, reply threading (`lanes intake`).
        .target(name: "MailIntake", dependencies: ["BoardModel"]),
        .target(name: "Keymap", dependencies: ["BoardInteraction", "BoardQuery", "BoardModel", "Screen"]),
        .target(
            name: "BoardViews",
            dependencies: ["Screen", "BoardModel", "BoardQuery", "BoardInteraction", "Keymap"],
            // themes/ at the top level is the one copy; the symlink embeds it in the binary.
            resources: [.embedInCode("themes")]
        ),
        .target(name: "NcursesScreen", dependencies: ["Screen", "CNcursesShim"]),
        .target(
            name: "LanesApp",
            dependencies: ["Screen", "BoardModel", "BoardQuery", "BoardInteraction", "BoardStore", "Keymap", "BoardViews"]
        ),
        .executableTarget(
            name: "lanes",
            dependencies: [
                "LanesApp", "NcursesScreen", "Screen", "BoardModel", "BoardQuery", "BoardInteraction", "BoardStore", "BoardIndex", "BoardExchange", "Keymap", "BoardViews",
                "BoardAccess", "MailIntake",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release: the Swift runtime and Foundation linked in (ncursesw, sqlite3 and libc stay
            // the system's), so that a start binds no 20 Swift libraries' symbols (#20's process
            // floor, docs/performance.md). The -l flags name what Foundation's static archives
            // need, which `--static-swift-stdlib` would find by compiling every module against the
            // static resource directory; debug builds and `swift test` stay dynamic.
            linkerSettings: [
                .unsafeFlags(
                    ["-static-stdlib", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCollections", "-l_FoundationCShims"],
                    .when(configuration: .release)
                ),
            ]
        ),
        // Test helpers shared by the test targets; public API only, so a release build still compiles it.
        .target(name: "LanesTestSupport", dependencies: ["BoardModel"], path: "Tests/Support"),
        .testTarget(name: "ScreenTests", dependencies: ["Screen"]),
        .testTarget(name: "BoardModelTests", dependencies: ["BoardModel", "LanesTestSupport"]),
        .testTarget(name: "BoardQueryTests", dependencies: ["BoardQuery", "BoardModel", "LanesTestSupport"]),
        .testTarget(name: "BoardInteractionTests", dependencies: ["BoardInteraction", "BoardQuery", "BoardModel", "Screen", "LanesTestSupport"]),
        .testTarget(name: "BoardStoreTests", dependencies: ["BoardStore", "BoardModel", "LanesTestSupport"]),
        .testTarget(name: "BoardIndexTests", dependencies: ["BoardIndex", "BoardQuery", "BoardStore", "BoardModel", "LanesTestSupport"]),
        .testTarget(name: "BoardExchangeTests", dependencies: ["BoardExchange", "BoardModel"]),
        .testTarget(name: "BoardAccessTests", dependencies: ["BoardAccess", "BoardModel"]),
        .testTarget(name: "MailIntakeTests", dependencies: ["MailIntake", "BoardModel"], exclude: ["Corpus"]),
        .testTarget(name: "KeymapTests", dependencies: ["Keymap", "BoardInteraction", "BoardQuery", "BoardModel"]),
        .testTarget(
            name: "BoardViewsTests",
            dependencies: ["BoardViews", "Screen", "BoardModel", "BoardQuery", "BoardInteraction", "Keymap"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "LanesAppTests",
            dependencies: ["LanesApp", "BoardIndex", "BoardStore", "BoardModel", "BoardQuery", "BoardInteraction", "Screen", "Keymap", "LanesTestSupport"]
        ),
        .testTarget(name: "NcursesScreenTests", dependencies: ["NcursesScreen", "Screen", "BoardViews"]),
        .testTarget(name: "EndToEndTests", dependencies: ["lanes", "BoardIndex"]),
    ]
)
