import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
import LanesTestSupport
import Screen

/// Every input is a message to the pure reducer, the outcomes of effects included: these
/// drive it the way the run loop does, without a store or a terminal.
@Suite struct MessageTests {
    /// A few bindings, as the keymap would give them (`p` is a prefix, as in `pu`).
    struct Bindings: KeyBindings {
        let table: [[Key]: Command] = [
            [.character(":")]: Command(.commandLine), [.character("/")]: Command(.filter),
            [.character("j")]: Command(.cursorDown), [.character("L")]: Command(.moveCardRight),
            [.character("p"), .character("u")]: Command(.priority, argument: "urgent"), [.character("u")]: Command(.undo),
        ]
        func meaning(of keys: [Key], in view: UIState.View) -> KeyResolution {
            if let command = table[keys] { return .command(command) }
            return table.keys.contains { $0.count > keys.count && Array($0.prefix(keys.count)) == keys } ? .pending : .unbound
        }
        func notation(_ keys: [Key]) -> String {
            keys.map { if case .character(let c) = $0 { String(c) } else { "?" } }.joined()
        }
    }

    /// Todo has #1 #2 #3, doing has #4; the todo column is selected.
    struct Loop {
        var board: BoardState
        var ui = UIState()

        init() throws {
            board = try LanesTestSupport.board([.create(title: "one", column: "todo"), .create(title: "two", column: "todo"),
                                                .create(title: "three", column: "todo"), .create(title: "four", column: "doing")])
            ui.column = 1
        }

        var context: ReduceContext {
            ReduceContext(board: board, projection: BoardProjection(state: board, query: ui.filter), actor: "ann",
                          pageSize: 2, bindings: Bindings())
        }

        var selected: Int? { BoardSelection.issue(ui, context.projection.lanes) }

        @discardableResult
        mutating func send(_ message: Message) -> [Effect] { reduce(&ui, message, context) }

        @discardableResult
        mutating func type(_ text: String) -> [Effect] {
            var effects: [Effect] = []
            for character in text { effects += send(.key(character == "\r" ? .enter : .character(character))) }
            return effects
        }

        /// Applies a save the way the store would and returns its result.
        mutating func commit(_ request: SaveRequest, by actor: String = "ann") -> SaveResult {
            var recording = UndoStep.Recording()
            var events: [Event] = []
            for change in request.changes {
                recording.see(change, before: board)
                let batch = try! board.events(for: change, actor: actor, at: .now)
                board.apply(batch)
                events += batch
            }
            return SaveResult(request: request, events: events, parts: recording.changedParts(in: board))
        }
    }

    @Test func promptKeysAreEditedAndRunThroughKey() throws {
        var loop = try Loop()
        loop.type(":")
        #expect(loop.ui.prompt?.kind == .command)
        loop.type("gotx")
        loop.send(.key(.backspace))
        loop.type("o 4")
        #expect(loop.ui.prompt?.editor.text == "goto 4")
        loop.type("\r")
        #expect(loop.ui.prompt == nil && loop.ui.view == .issue(4))
        loop.send(.key(.escape)) // nothing pending, no prompt: Esc is unbound here
        loop.type(":")
        loop.send(.key(.up))
        #expect(loop.ui.prompt?.editor.text == "goto 4", "<Up> brings back the last line")
        loop.send(.key(.escape))
        #expect(loop.ui.prompt == nil)
    }

    @Test func prefixKeysWaitAndUnboundKeysSaySo() throws {
        var loop = try Loop()
        #expect(loop.type("p").isEmpty)
        #expect(loop.ui.pendingKeys == [.character("p")])
        #expect(loop.type("u") == [.save(SaveRequest([.prioritise(1, .urgent)], keep: 1))])
        #expect(loop.ui.pendingKeys.isEmpty)
        loop.type("z")
        #expect(loop.ui.message == UIState.Message("z is not bound here; press ? for help", isError: true))
        loop.type("p")
        loop.send(.key(.escape))
        #expect(loop.ui.pendingKeys.isEmpty, "<Esc> drops a prefix key")
    }

    @Test func theLiveFilterFollowsTheTypedText() throws {
        var loop = try Loop()
        loop.type("/thr")
        #expect(loop.context.projection.list == [3])
        loop.send(.key(.escape))
        #expect(loop.ui.filter.isEmpty, "<Esc> in / drops the filter")
    }

    @Test func clickSelectsDoubleClickOpensAndTheWheelMoves() throws {
        var loop = try Loop()
        loop.send(.clicked(.card(column: 1, number: 2), double: false))
        #expect(loop.selected == 2)
        loop.send(.wheel(rows: 3, column: nil))
        #expect(loop.selected == 3, "the wheel stops at the last card")
        loop.send(.wheel(rows: -3, column: 2))
        #expect(loop.ui.column == 2 && loop.selected == 4, "the column under the pointer scrolls")
        loop.send(.clicked(.card(column: 1, number: 1), double: true))
        #expect(loop.ui.view == .issue(1))
        loop.send(.command(Command(.back)))
        loop.type(":")
        loop.send(.clicked(.card(column: 1, number: 3), double: false))
        #expect(loop.selected == 1, "clicks are ignored while a prompt is open")
    }

    @Test func savedKeepsAMovedCardSelected() throws {
        var loop = try Loop()
        loop.type("j")
        let effects = loop.type("L")
        #expect(effects == [.save(SaveRequest([.move(2, to: "doing")], keep: 2))])
        #expect(loop.ui.column == 1, "nothing moves before the save")
        guard case .save(let request) = effects.first else { return }
        loop.send(.saved(loop.commit(request)))
        #expect(loop.ui.column == 2 && loop.selected == 2)
        #expect(loop.ui.message?.text.hasPrefix("#2 ") == true)
        #expect(loop.ui.undo.undo.count == 1)
    }

    @Test func saveFailedKeepsTheSelectionAndTheTypedText() throws {
        var loop = try Loop()
        loop.type("j")
        guard case .save(let request) = loop.type("L").first else { Issue.record("no save"); return }
        #expect(loop.send(.saveFailed("disk full", request)).isEmpty)
        #expect(loop.ui.column == 1 && loop.selected == 2 && loop.ui.message == UIState.Message("disk full", isError: true))
        let typed = TypedText("a comment", for: .comment([2]))
        let effects = loop.send(.saveFailed("disk full", SaveRequest([.comment(2, "a comment")], keep: 2, typed: typed)))
        #expect(effects == [.keepDraft(typed, error: "disk full")])
        loop.send(.draftKept("disk full; your comment is kept in /x"))
        #expect(loop.ui.message == UIState.Message("disk full; your comment is kept in /x", isError: true))
        #expect(loop.selected == 2)
    }

    @Test func othersWroteNamesTheNewestAndKeepsTheSelection() throws {
        var loop = try Loop()
        loop.type("j")
        let result = loop.commit(SaveRequest([.move(2, to: "done"), .prioritise(3, .high)]), by: "bob")
        loop.send(.othersWrote(result.events, keep: 2))
        #expect(loop.ui.message?.text.hasPrefix("bob: #3 ") == true)
        #expect(loop.ui.message?.text.hasSuffix("(+1 more)") == true)
        #expect(loop.selected == 2 && loop.context.projection.lanes[loop.ui.column].column.id == "done")
        #expect(loop.send(.tick) == [.refresh(keep: 2)])
    }

    @Test func replayedWithARefusalSaysWhoAndKeepsOnlyWhatWasPutBack() throws {
        var loop = try Loop()
        guard case .save(let request) = loop.type("pu").first else { Issue.record("no save"); return }
        loop.send(.saved(loop.commit(request)))
        _ = loop.commit(SaveRequest([.prioritise(1, .low)]), by: "alice")
        let effects = loop.type("u")
        guard case .replay(let step, .back, let keep) = effects.first else { Issue.record("no replay"); return }
        #expect(loop.ui.undo.undo.isEmpty)
        var board = loop.board
        var result = try step.plan(.back, in: &board, actor: "ann", at: .now)
        result.keep = keep
        #expect(result.events.isEmpty && result.replayed.isEmpty)
        loop.send(.replayed(result))
        #expect(loop.ui.message == UIState.Message("#1 priority was changed by alice since; left as is", isError: true))
        #expect(loop.ui.undo.redo.isEmpty, "nothing was put back, so there is nothing to redo")
        loop.send(.replayFailed("lock wait cancelled", step, .back))
        #expect(loop.ui.undo.undo == [step], "a replay that wrote nothing can be tried again")
    }
}
