import Foundation
import Testing

/// A newcomer builds Lanes from what README.md and docs/install.md say to install: every
/// Debian package the package's system libraries need (`Package.swift`'s `.apt([...])`
/// providers) must be on their `apt-get install` line, or the first `swift build` on a fresh
/// machine stops at a missing header.
@Suite struct InstallDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The packages named in `.apt([...])` providers.
    static func aptProviders() throws -> [String] {
        let manifest = try text("Package.swift")
        var names: [String] = []
        var rest = manifest[...]
        while let start = rest.range(of: ".apt([") {
            let list = rest[start.upperBound...].prefix { $0 != "]" }
            names += list.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"\n")) }
            rest = rest[start.upperBound...]
        }
        return names
    }

    /// The words of every `apt-get install` command in `text`.
    static func installed(_ text: String) -> Set<String> {
        var words = Set<String>()
        for line in text.split(separator: "\n") {
            guard let start = line.range(of: "apt-get install") else { continue }
            words.formUnion(line[start.upperBound...].split(whereSeparator: { " `;()".contains($0) }).map(String.init))
        }
        return words
    }

    @Test func theInstallLinesNameEverySystemLibraryTheBuildNeeds() throws {
        let providers = try InstallDocsTests.aptProviders()
        #expect(providers.contains("libsqlite3-dev"), "the manifest's providers were not found: \(providers)")
        for path in ["README.md", "docs/install.md"] {
            let words = InstallDocsTests.installed(try InstallDocsTests.text(path))
            #expect(words.contains("libncursesw5-dev"), "\(path) does not install ncursesw")
            for package in providers {
                #expect(words.contains(package), "\(path) does not install \(package), which the build needs")
            }
        }
    }
}
