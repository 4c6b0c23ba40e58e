import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
@testable import BoardViews
import Screen

@Suite struct ViewSnapshotTests {
    func render(_ ui: UIState = UIState(), width: Int, height: Int, settings: ViewSettings = ViewSettings()) -> CellGrid {
        var ui = ui
        let context = SampleBoard.context(ui, settings: settings)
        Viewport.adjust(&ui, projection: context.projection, layout: BoardLayout(width: width, height: height))
        return Renderer.render(SampleBoard.context(ui, settings: settings), width: width, height: height)
    }

    @Test(arguments: [(120, 30), (80, 24), (40, 12)])
    func board(width: Int, height: Int) {
        var ui = UIState()
        ui.column = 1
        assertSnapshot(render(ui, width: width, height: height), named: "board-\(width)x\(height)")
    }

    @Test func boardWithWipLimitScrolledToTheLastColumn() {
        var ui = UIState()
        ui.column = 4
        var settings = ViewSettings()
        settings.wipLimits = ["todo": 1, "doing": 3]
        assertSnapshot(render(ui, width: 60, height: 14, settings: settings), named: "board-scrolled-wip-60x14")
    }

    @Test func boardScrollsAColumnToKeepTheSelectionVisible() {
        var ui = UIState()
        ui.column = 0
        ui.selected["backlog"] = 12
        assertSnapshot(render(ui, width: 80, height: 12), named: "board-column-scrolled-80x12")
    }

    @Test(arguments: [(100, 20), (40, 12)])
    func list(width: Int, height: Int) {
        var ui = UIState()
        ui.view = .list
        ui.listSelected = 3
        assertSnapshot(render(ui, width: width, height: height), named: "list-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func issue(width: Int, height: Int) {
        var ui = UIState()
        ui.view = .issue(3)
        ui.history = [.board]
        assertSnapshot(render(ui, width: width, height: height), named: "issue-\(width)x\(height)")
    }

    @Test func help() {
        var ui = UIState()
        ui.view = .help
        ui.history = [.board]
        assertSnapshot(render(ui, width: 100, height: 30), named: "help-100x30")
        ui.helpFilter = "move"
        assertSnapshot(render(ui, width: 100, height: 30), named: "help-filtered-100x30")
    }

    @Test func filteredBoardWithPromptAndError() {
        var ui = UIState()
        ui.filter = try! Query.parse("label:bug", me: "ann")
        ui.prompt = UIState.Prompt(kind: .filter, text: "label:bug colour:")
        ui.message = UIState.Message("unknown search term \"colour:\"", isError: true)
        let grid = render(ui, width: 80, height: 12)
        assertSnapshot(grid, named: "board-filter-prompt-80x12")
        #expect(grid.cursor?.y == 11)
    }

    @Test(arguments: [(39, 12), (40, 11), (30, 10), (10, 3), (1, 1)])
    func tooSmall(width: Int, height: Int) {
        let grid = render(width: width, height: height)
        #expect(grid.text.replacingOccurrences(of: "\n", with: " ").contains("small") || width * height < 20)
        assertSnapshot(grid, named: "too-small-\(width)x\(height)")
    }

    @Test func hostileTextIsNeverDrawnRaw() {
        for view in [UIState.View.board, .list, .issue(5)] {
            var ui = UIState()
            ui.view = view
            let grid = render(ui, width: 120, height: 30)
            for cell in grid.cells {
                for scalar in cell.text.unicodeScalars {
                    #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && !(0x202A...0x202E).contains(scalar.value))
                }
            }
        }
    }

    @Test func everyThemeRendersAndMonoHasNoColours() {
        for name in Theme.builtin.keys {
            let theme = Theme.named(name)
            #expect(Theme.Element.allCases.allSatisfy { theme.styles[$0] != nil }, "\(name) styles every element")
        }
        let mono = Theme.named("mono")
        #expect(mono.styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault })
        let stripped = Theme.named("default").withoutColors
        #expect(stripped.styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault })
        #expect(stripped[.cardSelected].attributes.contains(.reverse))
    }
}

@Suite struct TriageSnapshotTests {
    func render(_ ui: UIState, width: Int, height: Int, settings: ViewSettings = ViewSettings()) -> CellGrid {
        var ui = ui
        let state = SampleBoard.state
        let projection = BoardProjection(state: state, query: ui.filter, now: SampleBoard.now, swimlanes: ui.swimlanes)
        Viewport.adjust(&ui, projection: projection, layout: BoardLayout(width: width, height: height))
        var context = SampleBoard.context(ui, settings: settings)
        context.projection = projection
        return Renderer.render(context, width: width, height: height)
    }

    @Test(arguments: Swimlanes.allCases.filter { $0 != .none })
    func swimlanes(_ grouping: Swimlanes) {
        var ui = UIState()
        ui.swimlanes = grouping
        ui.column = 1
        assertSnapshot(render(ui, width: 100, height: 30), named: "swimlanes-\(grouping.rawValue)-100x30")
    }

    @Test func swimlanesScrollToTheSelectedCard() {
        var ui = UIState()
        ui.swimlanes = .assignee
        ui.column = 0
        ui.selected["backlog"] = 12
        let grid = render(ui, width: 80, height: 14)
        assertSnapshot(grid, named: "swimlanes-scrolled-80x14")
        #expect(grid.text.contains("#12"))
    }

    @Test func activityWithTheLastSeenMarker() {
        var ui = UIState()
        ui.view = .activity
        ui.history = [.board]
        ui.lastSeen = Timestamp(milliseconds: SampleBoard.now.milliseconds - 25 * 3_600_000)
        let grid = render(ui, width: 100, height: 20)
        assertSnapshot(grid, named: "activity-100x20")
        let lines = grid.lines
        let marker = lines.firstIndex { $0.contains("last seen") }!
        #expect(lines[marker - 1].contains("5h ago"), "the entry above the marker is newer than the last visit")
        #expect(lines[marker + 1].contains("1d ago"), "the entry below it is older")
    }

    @Test func markedCardsAndAStaleColumn() {
        var ui = UIState()
        ui.marked = [1, 7]
        ui.column = 1
        var settings = ViewSettings()
        settings.staleAfterDays = 2
        assertSnapshot(render(ui, width: 100, height: 14, settings: settings), named: "board-marked-stale-100x14")
    }
}
