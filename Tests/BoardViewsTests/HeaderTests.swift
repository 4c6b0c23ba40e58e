import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
@testable import BoardViews
import Screen

/// Column headers: the count and the stale count read as two numbers, and the name stays whole.
@Suite struct HeaderTests {
    func render(_ state: BoardState, width: Int, staleAfterDays: Int = 14) -> CellGrid {
        var settings = ViewSettings()
        settings.staleAfterDays = staleAfterDays
        return Renderer.render(SampleBoard.context(state: state, settings: settings), width: width, height: 20)
    }

    @Test func theStaleCountIsLabelledApartFromTheCount() {
        let header = render(SampleBoard.state, width: 120, staleAfterDays: 2).line(0)
        #expect(header.contains("To do      2 · 1 stale"), "\(header)")
        #expect(!header.contains("stale 2"))
    }

    /// Six columns at 120: the names win over the stale count.
    @Test func columnNamesStayWholeAt120Columns() {
        var state = SampleBoard.state
        let columns = ["Backlog", "Ready for dev", "In progress", "Code review", "QA", "Done"]
        let ids = ["backlog", "todo", "doing", "review", "qa", "done"]
        state.apply(Event(id: EventID(999), at: SampleBoard.now, actor: "ann", issue: 0,
                          kind: .columns(zip(ids, columns).map { Column(id: $0, name: $1) })))
        for stale in [2, 14] {
            let header = render(state, width: 120, staleAfterDays: stale).line(0)
            for name in columns { #expect(header.contains(name + " "), "\(name) cut in \(header)") }
        }
    }
}
