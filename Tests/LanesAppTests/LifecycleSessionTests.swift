import Testing
@testable import BoardModel
@testable import BoardInteraction
@testable import BoardStore
@testable import LanesApp
@testable import BoardQuery
import LanesTestSupport

/// `X` archives and unarchives, `D` deletes after a y/n question, `:restore` brings an issue
/// back; marks apply and undo works on each.
@Suite struct LifecycleSessionTests {
    /// #1, #2 in To do (selected: #1), #3 in Review.
    func harness() throws -> SessionHarness { try .seededInToDo() }

    func selected(_ h: SessionHarness) -> Int? { BoardSelection.issue(h.session.ui, h.session.projection().lanes) }

    @Test func archiveTakesTheCardOffTheBoardAndUndoBringsItBack() throws {
        let h = try harness()
        h.type("X")
        #expect(h.issue(1).isArchived)
        #expect(h.session.ui.message?.text == "#1 archived")
        #expect(!h.screenText.contains("#1 one") && h.screenText.contains("2 issues"), "off the board and out of the count")
        #expect(selected(h) == 2, "the cursor goes to the next card")
        h.type("u")
        #expect(!h.issue(1).isArchived && h.screenText.contains("#1 one"))
        #expect(h.session.ui.message?.text == "undid: #1 archived")
        h.type("<C-r>")
        #expect(h.issue(1).isArchived)
    }

    /// A board whose issues are all archived is not a new board: no "No issues yet" hint.
    @Test func aBoardWithEverythingArchivedDoesNotCallItselfEmpty() throws {
        let h = try harness()
        h.type(":archive 1<Enter>:archive 2<Enter>:archive 3<Enter>")
        #expect(h.session.projection().total == 0)
        #expect(h.screenText.contains("0 issues") && !h.screenText.contains("No issues yet"))
    }

    /// The activity view still scrolls when every issue is archived (it counts events, not cards).
    @Test func theActivityViewScrollsWithEveryIssueArchived() throws {
        let h = try SessionHarness(SessionTests.seed + (1...40).map { .comment(1, "note \($0)") })
        h.type(":archive 1<Enter>:archive 2<Enter>:archive 3<Enter>TG")
        #expect(h.screenText.contains("created \"one\""), "the oldest entry is on screen")
    }

    @Test func archivedIssuesAreFoundWithIsArchivedAndUnarchivedThere() throws {
        let h = try harness()
        h.type("X")
        h.type("v/is:archived<Enter>")
        #expect(h.session.projection().list == [1])
        #expect(h.screenText.contains("#1  one"))
        h.type("X")
        #expect(!h.issue(1).isArchived)
        #expect(h.session.ui.message?.text == "#1 unarchived")
        h.type("u")
        #expect(h.issue(1).isArchived, "undo of unarchive archives again")
    }

    @Test func marksApplyAndAreClearedOnceTheIssuesLeave() throws {
        let h = try harness()
        h.type("<Space><Space>") // marks #1 and #2
        h.type("X")
        #expect(h.issue(1).isArchived && h.issue(2).isArchived)
        #expect(h.session.ui.message?.text == "archived 2 issues")
        #expect(h.session.ui.marked.isEmpty)
        h.type("u")
        #expect(!h.issue(1).isArchived && !h.issue(2).isArchived, "one undo step for both")
    }

    @Test func deleteAsksFirstAndOnlyYesDeletes() throws {
        let h = try harness()
        h.type("D")
        #expect(h.session.ui.question?.action == .delete([1]))
        #expect(h.screenText.contains("delete #1 \"one\"? its text stays in the log; :restore brings it back (y/n)"))
        h.type("n")
        #expect(!h.issue(1).isDeleted && h.session.ui.question == nil)
        #expect(h.session.ui.message?.text == "nothing deleted")
        h.type("D<Esc>")
        #expect(!h.issue(1).isDeleted, "Esc is a no")
        h.type("Dy")
        #expect(h.issue(1).isDeleted)
        #expect(h.session.ui.message?.text == "#1 deleted")
        #expect(!h.screenText.contains("#1 one") && selected(h) == 2)
        h.type("u")
        #expect(!h.issue(1).isDeleted)
        #expect(h.session.ui.message?.text == "undid: #1 deleted")
    }

    @Test func deleteOnMarksAsksOnceForAll() throws {
        let h = try harness()
        h.type("<Space><Space>D")
        #expect(h.screenText.contains("delete 2 issues?"))
        h.type("Y")
        #expect(h.issue(1).isDeleted && h.issue(2).isDeleted && h.session.ui.marked.isEmpty)
    }

    @Test func deletingTheOpenIssueGoesBackToTheBoard() throws {
        let h = try harness()
        h.type("<Enter>")
        #expect(h.session.ui.view == .issue(1))
        h.type("Dy")
        #expect(h.issue(1).isDeleted && h.session.ui.view == .board)
    }

    @Test func restoreBringsADeletedIssueBackAndItsUndoDeletesAgain() throws {
        let h = try harness()
        h.type("Dy")
        h.type(":restore 1<Enter>")
        #expect(!h.issue(1).isDeleted)
        #expect(h.session.ui.message?.text == "#1 restored")
        #expect(selected(h) == 1, "the issue that came back is selected")
        h.type("u")
        #expect(h.issue(1).isDeleted)
        h.type(":restore<Enter>")
        #expect(h.session.ui.message?.text == "1 was not deleted", "the selection (#2) was not deleted")
        h.type(":restore 99<Enter>")
        #expect(h.session.ui.message?.text == "no issue #99 on this board")
    }

    @Test func otherChangesToADeletedIssueAreRefused() throws {
        let h = try harness()
        h.type("Dy")
        h.type(":priority 1 high<Enter>")
        #expect(h.issue(1).priority == .none)
        #expect(h.session.ui.message?.text == BoardError.deletedIssue(1).description)
    }

    @Test(arguments: [CommandName.delete, .archive, .restore])
    func aReadOnlyBoardRefusesBeforeAsking(_ name: CommandName) throws {
        let state = try board([.create(title: "one")])
        var ui = UIState()
        let context = ReduceContext(board: state, projection: BoardProjection(state: state, query: .everything), actor: "ann",
                                    readOnlyReason: "read-only: test")
        #expect(reduce(&ui, Command(name, issue: 1), context).isEmpty)
        #expect(ui.question == nil && ui.message?.text == "read-only: test")
    }

    /// Two sessions: someone else archives the card this one has open; the view says so.
    @Test func theIssueViewSaysArchived() throws {
        let h = try harness()
        h.type("<Enter>X")
        #expect(h.session.ui.view == .issue(1))
        #expect(h.screenText.contains("open · To do · archived (X unarchives)"))
    }
}
