import Testing
@testable import BoardModel
@testable import BoardInteraction
@testable import BoardViews
import Screen

/// The line of completion candidates above the prompt and the hint after a prefix key: they fit
/// any width, are sanitised, and leave the prompt usable at the smallest size.
@Suite struct PromptSnapshotTests {
    func render(_ ui: UIState, pending: [Key] = [], width: Int, height: Int) -> CellGrid {
        var context = SampleBoard.context(ui)
        context.ui.pendingKeys = pending
        return Renderer.render(context, width: width, height: height)
    }

    func promptWithCandidates() -> UIState {
        var ui = UIState()
        ui.column = 1
        ui.prompt = UIState.Prompt(kind: .command, text: "label ")
        ui.prompt?.candidates = ["bug", "i18n", "needs-review", "evil\u{1B}[2Jlabel", "ui", "urgent-fix", "backend", "frontend"]
        return ui
    }

    @Test(arguments: [(80, 12), (40, 12)])
    func candidatesLineAbovePrompt(width: Int, height: Int) {
        let grid = render(promptWithCandidates(), width: width, height: height)
        assertSnapshot(grid, named: "prompt-candidates-\(width)x\(height)")
        #expect(grid.cursor?.x == 7 && grid.cursor?.y == height - 1, "the prompt keeps its line and its cursor")
        #expect(!grid.text.contains("\u{1B}"))
        #expect(grid.lines[height - 2].contains("bug  i18n"))
    }

    @Test(arguments: [(80, 12), (40, 12)])
    func prefixKeyHint(width: Int, height: Int) {
        var ui = UIState()
        ui.column = 1
        let grid = render(ui, pending: [.character("p")], width: width, height: height)
        assertSnapshot(grid, named: "prefix-hint-\(width)x\(height)")
        #expect(grid.lines[height - 1].hasPrefix(" p… u urgent"))
    }

    @Test func anErrorTooLongForThePromptLineShowsAboveIt() {
        var ui = UIState()
        ui.column = 1
        ui.prompt = UIState.Prompt(kind: .filter, text: "priority:huge")
        ui.message = UIState.Message("priority:huge: no priority \"huge\"; use urgent, high, medium, low or none", isError: true)
        let grid = render(ui, width: 40, height: 12)
        assertSnapshot(grid, named: "prompt-long-error-40x12")
        #expect(grid.lines[10].hasPrefix(" priority:huge: no priority \"huge\""))
        #expect(grid.lines[11].hasPrefix("/priority:huge"))
    }
}
