import Testing
@testable import BoardModel
@testable import BoardInteraction
@testable import Keymap
import Screen

@Suite struct KeymapTests {
    func defaults() -> Keymap {
        var builder = KeymapBuilder()
        builder.apply(DefaultBindings.file, name: "(built-in)")
        #expect(builder.errors.isEmpty, "the built-in bindings have no conflicts: \(builder.errors)")
        return builder.keymap
    }

    @Test func everyDefaultKeyResolvesToItsCommand() {
        let keymap = defaults()
        let file = DefaultBindings.file
        #expect(file.errors.isEmpty)
        #expect(file.directives.count >= 30)
        for (_, directive) in file.directives {
            guard case let .bind(context, keys, command) = directive else { Issue.record("not a bind line"); continue }
            #expect(keymap.resolve(keys, in: context) == .command(command), "\(KeyNotation.format(keys)) in \(context)")
        }
    }

    @Test func theIssueKeysArePresent() {
        let keymap = defaults()
        let expected: [(String, KeyContext, CommandName)] = [
            ("h", .board, .cursorLeft), ("j", .board, .cursorDown), ("k", .board, .cursorUp), ("l", .board, .cursorRight),
            ("<Left>", .board, .cursorLeft), ("<Down>", .list, .cursorDown), ("g", .board, .cursorFirst), ("G", .list, .cursorLast),
            ("H", .board, .moveCardLeft), ("L", .board, .moveCardRight), ("K", .board, .moveCardUp), ("J", .board, .moveCardDown),
            ("<Enter>", .board, .openIssue), ("<Enter>", .list, .openIssue), ("q", .issue, .back), ("<Esc>", .board, .cancel),
            ("?", .board, .help), (":", .list, .commandLine), ("/", .board, .filter), ("v", .board, .toggleView),
            ("<C-l>", .issue, .redraw), ("<C-z>", .board, .suspend),
        ]
        for (notation, context, name) in expected {
            #expect(keymap.resolve(KeyNotation.parse(notation)!, in: context) == .command(Command(name)), "\(notation)")
        }
    }

    @Test func contextsFallBackToGeneric() {
        let keymap = defaults()
        #expect(keymap.resolve([.character("j")], in: .issue) == .command(Command(.cursorDown)))
        #expect(keymap.resolve([.character("H")], in: .list) == .unbound)
    }

    @Test func rcFilesRebindAndUnbind() {
        var builder = KeymapBuilder()
        builder.apply(DefaultBindings.file, name: "(built-in)")
        let rc = RCFile.parse("""
        # my bindings
        bind board x move-card-right
        bind generic <C-r> redraw
        unbind board L
        bind board gt move done
        """, file: "lanesrc")
        #expect(rc.errors.isEmpty)
        builder.apply(rc, name: "lanesrc")
        #expect(builder.errors.isEmpty)
        let keymap = builder.keymap
        #expect(keymap.resolve([.character("x")], in: .board) == .command(Command(.moveCardRight)))
        #expect(keymap.resolve([.control("r")], in: .list) == .command(Command(.redraw)))
        #expect(keymap.resolve([.character("L")], in: .board) == .unbound)
        #expect(keymap.resolve([.character("g")], in: .board) == .pending, "g starts gt in board")
        #expect(keymap.resolve([.character("g"), .character("t")], in: .board) == .command(Command(.move, argument: "done")))
    }

    @Test func conflictsInOneFileAreReportedNamingBoth() {
        var builder = KeymapBuilder()
        builder.apply(RCFile.parse("bind board x back\nbind board x quit\n", file: "rc"), name: "rc")
        #expect(builder.errors.count == 1)
        #expect(builder.errors[0].description.contains("rc:2:"))
        #expect(builder.errors[0].message.contains("back") && builder.errors[0].message.contains("quit"))

        var prefix = KeymapBuilder()
        prefix.apply(RCFile.parse("bind list d quit\nbind list dd back\n", file: "rc"), name: "rc")
        #expect(prefix.errors.count == 1)
        #expect(prefix.errors[0].message.contains("dd") && prefix.errors[0].message.contains("prefix"))
        #expect(prefix.errors[0].message.contains("quit") && prefix.errors[0].message.contains("back"))
    }

    @Test func badLinesAreReportedWithFileAndLineAndTheRestLoads() {
        let rc = RCFile.parse("""
        bind board x back
        bind nowhere x back
        bind board <Nope> back
        bind board y frobnicate
        bind board
        frob x y
        color header red
        color header red blue sparkly
        color header octarine blue
        set theme light
        view mine assignee:me is:open
        """, file: "/home/a/.config/lanes/lanesrc")
        #expect(rc.errors.map(\.line) == [2, 3, 4, 5, 6, 7, 8, 9])
        #expect(rc.errors[0].description == "/home/a/.config/lanes/lanesrc:2: unknown context \"nowhere\"; contexts are: generic, board, list, issue, help, activity")
        #expect(rc.errors[2].message.hasPrefix("unknown command \"frobnicate\""))
        #expect(rc.directives.count == 3)
        #expect(rc.directives.last?.directive == .view(name: "mine", query: "assignee:me is:open"))
    }

    @Test func keyNotationRoundTrips() {
        for notation in ["j", "<Enter>", "<Esc>", "<C-r>", "<Up>", "<Space>", "gg", "<C-w>j", "<F5>", "<PageDown>", "<lt>"] {
            let keys = KeyNotation.parse(notation)
            #expect(keys != nil, "\(notation)")
            #expect(KeyNotation.parse(KeyNotation.format(keys!)) == keys)
        }
        #expect(KeyNotation.parse("<Bogus>") == nil)
        #expect(KeyNotation.parse("") == nil)
        #expect(KeyNotation.parse("<C-r>") == [.control("r")])
    }

    @Test func quotedWordsAndComments() {
        #expect(RCFile.words("view \"my view\" label:\"needs review\" # trailing") == ["view", "my view", "label:needs review"])
        #expect(RCFile.words("   # only a comment").isEmpty)
    }
}
