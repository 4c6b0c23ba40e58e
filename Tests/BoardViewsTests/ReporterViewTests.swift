import Testing
@testable import BoardModel
@testable import BoardInteraction
@testable import BoardViews
import Screen

/// An issue filed from mail: its reporter on the card and in the issue view, and a reply's
/// quoted text folded in the timeline.
@Suite struct ReporterViewTests {
    var state: BoardState {
        var state = SampleBoard.state
        let at = Timestamp(milliseconds: SampleBoard.now.milliseconds - 3_600_000)
        func add(_ id: UInt64, _ kind: EventKind, _ actor: String) {
            state.apply(Event(id: EventID(1000 + id), at: at, actor: actor, issue: 13, kind: kind))
        }
        add(1, .created(title: "VPN drops", body: "Every hour.", column: "todo", rank: 9, priority: .none), "intake")
        add(2, .reported("Ana Lima <ana@example.com>"), "intake")
        add(3, .reported("Bob <bob@example.net>"), "intake")
        add(4, .commented("Still broken.\n\n" + QuoteFold.separator + "\nOn Mon, Support wrote:\n> Since when?\n> Tell us."), "ana@example.com")
        return state
    }

    func render(_ view: UIState.View) -> String {
        var ui = UIState()
        ui.view = view
        return Renderer.render(SampleBoard.context(ui, state: state), width: 120, height: 40).text
    }

    @Test func theIssueViewShowsTheReportersAndFoldsTheQuotedText() {
        let text = render(.issue(13))
        #expect(text.contains("reporter   Ana Lima <ana@example.com> and 1 other"))
        #expect(text.contains("Still broken."))
        #expect(text.contains("[3 lines of quoted text and signature folded]"))
        #expect(!text.contains("Since when?"))
    }

    @Test func theCardShowsTheReporterAndHowManyReportedIt() {
        #expect(render(.board).contains("Ana Lima ×2"))
    }
}
