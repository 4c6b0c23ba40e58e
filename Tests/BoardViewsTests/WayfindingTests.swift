import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
@testable import BoardViews
import Screen

/// Where you are and what to do next: the list's position and sort, an empty board's first step.
@Suite struct WayfindingTests {
    @Test func theListShowsThePositionAndTheSort() throws {
        var ui = UIState()
        ui.view = .list
        ui.listSelected = 3
        let status = Renderer.render(SampleBoard.context(ui), width: 100, height: 20).line(19)
        #expect(status.contains("3/12") && status.contains("sort:id"), "\(status)")
        ui.filter = try Query.parse("sort:updated-desc", me: "ann")
        ui.listSelected = 3
        let sorted = Renderer.render(SampleBoard.context(ui), width: 100, height: 20).line(19)
        #expect(sorted.contains("1/12") && sorted.contains("sort:updated-desc"), "#3 (commented 2h ago) is the newest: \(sorted)")
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func anEmptyBoardSaysHowToAddTheFirstIssue(width: Int, height: Int) {
        let grid = Renderer.render(SampleBoard.context(state: BoardState()), width: width, height: height)
        let text = grid.lines.joined(separator: " ")
        #expect(text.lowercased().contains("press n") && text.contains("lanes add"), "\(grid.text)")
    }

    /// A narrow terminal still confirms what a key did: the board's name and counts give way to
    /// the message as they do to an error, keeping a few cells of the name.
    @Test(arguments: [40, 50])
    func aNarrowStatusLineStillShowsTheMessage(width: Int) {
        var ui = UIState()
        ui.message = UIState.Message("#2 moved Backlog → To do")
        let status = Renderer.render(SampleBoard.context(ui), width: width, height: 12).line(11)
        #expect(status.contains("#2 moved Backlog → To do"), "\(status)")
        #expect(status.hasPrefix(" "), "the board's name keeps the start of the line: \(status)")
        ui.message = nil
        let quiet = Renderer.render(SampleBoard.context(ui), width: width, height: 12).line(11)
        #expect(quiet.contains("@"), "without a message the details fill the line: \(quiet)")
    }
}

/// The activity view: each row names its issue's title, and the columns line up.
@Suite struct ActivityLayoutTests {
    @Test func eachRowShowsTheIssueTitleAndTheColumnsLineUp() throws {
        var ui = UIState()
        ui.view = .activity
        var state = SampleBoard.state
        state.apply(Event(id: EventID(500), at: SampleBoard.now, actor: "a-rather-long-name", issue: 3, kind: .labelled("ui")))
        let grid = Renderer.render(SampleBoard.context(ui, state: state), width: 100, height: 20)
        let rows = grid.lines.dropLast().filter { $0.contains("#") }
        #expect(rows.count > 5)
        let idColumns = Set(rows.map { $0.distance(from: $0.startIndex, to: $0.firstIndex(of: "#")!) })
        #expect(idColumns.count == 1, "the #id column starts at one place:\n\(grid.text)")
        let labelled = try #require(rows.first { $0.contains("a-rather-long") }, "\(grid.text)")
        #expect(labelled.contains("Emoji"), "the row names #3's title: \(labelled)")
        let commented = try #require(rows.first { $0.contains("commented") })
        #expect(commented.contains("#3") && commented.contains("Emoji"), "\(commented)")
    }
}
