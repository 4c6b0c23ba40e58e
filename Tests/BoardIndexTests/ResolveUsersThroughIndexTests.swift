import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// `lanes assign`, `add --assign` and the other commands that name people resolve the names
/// through the index (`BoardIndex.resolveUsers`) as the whole board does
/// (`BoardState.resolveUsers`, `caseInsensitiveEquals`: Swift's string equality after
/// lowercasing, which equates canonically equivalent spellings): the same spelling is written
/// and the same names are reported as new, whichever way a name is typed.
@Suite struct ResolveUsersThroughIndexTests {
    /// Each person is on the board in one spelling only, so that the whole board's answer does
    /// not depend on which of several equal spellings it meets first.
    static let onBoard = [
        "E\u{301}mile",      // decomposed, as a name copied from a macOS file name is
        "Zo\u{EB}",          // precomposed
        "\u{212A}im",        // the Kelvin sign, which lowercases to k
        "a\u{37E}b",         // the Greek question mark, canonically a semicolon
        "Bob",
        "Ünal",
    ]

    /// The ways people type those names (and names nobody has used).
    static let typed = [
        "\u{E9}mile", "\u{C9}MILE", "e\u{301}mile", "E\u{301}mile", "zoe\u{308}", "ZO\u{CB}", "zo\u{EB}", "kim", "KIM", "\u{212A}IM",
        "a;b", "A;B", "a\u{37E}b", "bob", "@BOB", "U\u{308}nal", "\u{FC}nal", "carol", "me", "ME",
    ]

    @Test func everyWayANameIsTypedResolvesAsOnTheWholeBoard() throws {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        // Half of them authors, half assignees, so both of the index's tables are asked.
        for (position, name) in ResolveUsersThroughIndexTests.onBoard.enumerated() {
            if position % 2 == 0 {
                try log.commit([.create(title: "by \(name)")], actor: name)
            } else {
                try log.commit([.create(title: "for \(name)", assignees: [name])], actor: "ann")
            }
        }
        let index = try fixture.open()
        let fold = try EventLog.open(fixture.location, snapshots: .off).state
        for name in ResolveUsersThroughIndexTests.typed {
            let indexed = try index.resolveUsers([name], me: "ann"), whole = fold.resolveUsers([name], me: "ann")
            // Compared as bytes: the spelling written to the log is what is at stake.
            #expect(indexed.users.map { Array($0.utf8) } == whole.users.map { Array($0.utf8) },
                    "\(name.unicodeScalars.map { String($0.value, radix: 16) }): \(indexed.users) \(whole.users)")
            #expect(indexed.unknown.map { Array($0.utf8) } == whole.unknown.map { Array($0.utf8) }, "\(name)")
        }
    }
}
