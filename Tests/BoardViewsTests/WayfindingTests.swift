import Testing
@testable import BoardModel
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
}
