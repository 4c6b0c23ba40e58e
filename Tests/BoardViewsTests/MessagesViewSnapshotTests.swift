import Testing
@testable import BoardModel
@testable import BoardInteraction
@testable import BoardViews
import Screen

/// `:messages`: every rc problem (long ones wrapped, hostile text sanitised), then the recent
/// status messages newest first; scrolled like help.
@Suite struct MessagesViewSnapshotTests {
    func ui(scroll: Int = 0) -> UIState {
        var ui = UIState()
        ui.history = [.board]
        ui.view = .messages
        ui.scroll = scroll
        ui.problems = [
            FileProblem(file: "/home/ann/.config/lanes/lanesrc", line: 3, message: "unknown setting \"colour\"; settings are: theme, wip, stale-after, mouse, swimlanes"),
            FileProblem(file: ".lanes/lanesrc", line: 7, message: "no column \"qa\"\u{1B}[31m; columns are: backlog, todo, doing, review, done"),
        ]
        for text in ["marks cleared", "#3 moved To do → In progress"] {
            ui.message = UIState.Message(text)
            ui.recordMessage()
        }
        return ui
    }

    @Test func listsProblemsThenMessagesNewestFirst() {
        assertSnapshot(Renderer.render(SampleBoard.context(ui()), width: 60, height: 14), named: "messages-60x14")
    }

    @Test func scrolls() {
        assertSnapshot(Renderer.render(SampleBoard.context(ui(scroll: 4)), width: 40, height: 12), named: "messages-scrolled-40x12")
    }
}
