import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// The query words about links, through `lanes list`'s path and the board's `/` filter alike.
@Suite struct LinkQueryTests {
    let now = Timestamp(milliseconds: 1_780_000_000_000)

    /// #1 blocks #2 and #3; #4 (closed) blocks #5; #6 parent of #1 and #4; #7 and #8 duplicate #1; #9 duplicates #2.
    func sample() throws -> BoardState {
        try board((1...9).map { .create(title: "issue \($0)") } + [
            .link(1, .blocks, 2), .link(3, .blockedBy, 1), .link(4, .blocks, 5), .close(4),
            .link(6, .parentOf, 1), .link(4, .childOf, 6), .link(7, .duplicates, 1), .link(8, .duplicates, 1), .link(9, .duplicates, 2),
        ])
    }

    /// The numbers `text` finds, checked to be the same through the projection the `/` filter uses.
    func numbers(_ text: String) throws -> [Int] {
        let state = try sample()
        let query = try Query.parse(text, on: state, me: "ann", now: now)
        let listed = query.run(on: state, now: now).map(\.number)
        let projected = BoardProjection(state: state, query: query, now: now, searchText: SearchText(state: state)).list
            .map { $0 }
        #expect(listed == projected, "lanes list and the board agree on \(text)")
        return listed
    }

    @Test func isBlockedCountsOnlyOpenBlockers() throws {
        #expect(try numbers("is:blocked") == [2, 3])
        #expect(try numbers("-is:blocked is:open") == [1, 5, 6])
        var state = try sample()
        state.apply(try state.events(for: .close(1), actor: "ann", at: now))
        #expect(try Query.parse("is:blocked", on: state, me: "ann", now: now).run(on: state, now: now).isEmpty,
                "closing the blocker unblocks")
    }

    @Test func linkWordsNameTheOtherIssue() throws {
        #expect(try numbers("blocks:2") == [1])
        #expect(try numbers("blocks:#3") == [1])
        #expect(try numbers("blocked-by:1") == [2, 3])
        #expect(try numbers("parent:6") == [1, 4])
        #expect(try numbers("is:parent") == [6])
        #expect(try numbers("has:duplicates") == [1, 2])
        #expect(try numbers("has:duplicates is:open blocks:3") == [1])
    }

    @Test func sortByDuplicatesPutsTheMostReportedFirst() throws {
        #expect(try numbers("is:open sort:duplicates") == [1, 2, 3, 5, 6])
        #expect(try numbers("has:duplicates sort:duplicates-desc") == [2, 1])
    }

    @Test func badLinkWordsSayWhatIsAccepted() {
        #expect(throws: BoardError.badQuery("unknown \"has:dupes\"; use has:duplicates")) { try Query.parse("has:dupes", me: "ann") }
        #expect(throws: BoardError.badQuery("the issue in \"blocks:x\" must be a whole number from 1 to 999999999, not \"x\"")) {
            try Query.parse("blocks:x", me: "ann")
        }
    }
}
