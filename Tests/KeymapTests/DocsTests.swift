import Foundation
import Testing
@testable import BoardModel
@testable import BoardInteraction
@testable import Keymap

/// docs/keys.md is the users' reference: it must name every command and every default key.
@Suite struct DocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func keysDocumentNamesEveryCommandAndDefaultKey() throws {
        let text = try String(contentsOf: DocsTests.root.appendingPathComponent("docs/keys.md"), encoding: .utf8)
        for name in CommandName.allCases {
            #expect(text.contains("`\(name.rawValue)"), "docs/keys.md does not mention \(name.rawValue)")
        }
        for (_, directive) in DefaultBindings.file.directives {
            guard case let .bind(_, keys, _) = directive else { continue }
            #expect(text.contains("`\(KeyNotation.format(keys))`"), "docs/keys.md does not list \(KeyNotation.format(keys))")
        }
    }
}
