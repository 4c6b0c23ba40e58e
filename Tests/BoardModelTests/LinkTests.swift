import Testing
@testable import BoardModel
import LanesTestSupport

/// Links between issues: every type seen from both sides, the rules a new link keeps, and how
/// link events fold.
@Suite struct LinkTests {
    let now = Timestamp(milliseconds: 1_780_000_000_000)

    func threeIssues(_ more: [Change] = []) throws -> BoardState {
        try board([.create(title: "a"), .create(title: "b"), .create(title: "c")] + more)
    }

    @Test(arguments: [(LinkType.blocks, LinkType.blockedBy), (.duplicates, .duplicatedBy), (.parentOf, .childOf),
                      (.relatesTo, .relatesTo)])
    func everyTypeIsHeldOnBothIssuesWithItsInverse(_ type: LinkType, _ inverse: LinkType) throws {
        let state = try threeIssues([.link(1, type, 2)])
        #expect(state.issues[1]!.links == [IssueLink(type, 2)])
        #expect(state.issues[2]!.links == [IssueLink(inverse, 1)])
        #expect(state.timelines[1]!.contains { $0.kind == .linked(type, 2) })
        // Named from the other side, the same link is written in its forward form on the first issue.
        let fromTheOtherSide = try threeIssues([.link(2, inverse, 1)])
        #expect(fromTheOtherSide.issues[1]!.links == [IssueLink(type, 2)])
        #expect(fromTheOtherSide.issues[2]!.links == [IssueLink(inverse, 1)])
        // A second time changes nothing; unlinking from either side takes it off both.
        #expect(try state.events(for: .link(1, type, 2), actor: "ann", at: now).isEmpty)
        var unlinked = state
        unlinked.apply(try state.events(for: .unlink(2, inverse, 1), actor: "ann", at: now))
        #expect(unlinked.issues[1]!.links.isEmpty && unlinked.issues[2]!.links.isEmpty)
        #expect(try unlinked.events(for: .unlink(1, type, 2), actor: "ann", at: now).isEmpty)
    }

    @Test(arguments: [LinkType.blocks, .parentOf])
    func blocksAndParentOfRefuseACycleAndNameIt(_ type: LinkType) throws {
        let state = try threeIssues([.link(1, type, 2), .link(2, type, 3)])
        #expect(throws: BoardError.invalid("#3 \(type.rawValue) #1 would make a cycle: #3 → #1 → #2 → #3")) {
            try state.events(for: .link(3, type, 1), actor: "ann", at: now)
        }
        #expect(throws: BoardError.invalid("#3 \(type.rawValue) #1 would make a cycle: #3 → #1 → #2 → #3")) {
            try state.events(for: .link(1, type.inverse, 3), actor: "ann", at: now)
        }
        #expect(throws: BoardError.invalid("#2 \(type.rawValue) #1 would make a cycle: #2 → #1 → #2")) {
            try state.events(for: .link(2, type, 1), actor: "ann", at: now)
        }
        // A shortcut along the same direction is no cycle.
        #expect(try state.events(for: .link(1, type, 3), actor: "ann", at: now).count == 1)
        #expect(state.linkCycles.isEmpty)
    }

    @Test func relatesToAndDuplicatesNeedNoDirection() throws {
        let state = try threeIssues([.link(1, .relatesTo, 2)])
        #expect(try state.events(for: .link(2, .relatesTo, 1), actor: "ann", at: now).isEmpty, "the same link")
    }

    @Test func aLinkToAMissingIssueOrToItselfIsRefused() throws {
        let state = try threeIssues()
        #expect(throws: BoardError.noSuchIssue(9)) { try state.events(for: .link(1, .blocks, 9), actor: "ann", at: now) }
        #expect(throws: BoardError.noSuchIssue(9)) { try state.events(for: .link(9, .blocks, 1), actor: "ann", at: now) }
        #expect(throws: BoardError.invalid("#1 cannot be linked to itself")) {
            try state.events(for: .link(1, .relatesTo, 1), actor: "ann", at: now)
        }
    }

    @Test func theFoldSetsAsideALinkWhoseOtherIssueIsMissing() throws {
        var state = try threeIssues()
        let event = Event(id: EventID(99), at: now, actor: "bob", issue: 1, kind: .linked(.blocks, 7))
        #expect(state.apply(event) == "links to #7, which does not exist")
        #expect(state.issues[1]!.links.isEmpty && state.timelines[1]!.count == 1)
    }

    @Test func aDuplicateIsClosedWithACommentPointingAtTheOriginal() throws {
        let state = try threeIssues([.link(2, .duplicates, 1), .link(1, .duplicatedBy, 3)])
        for duplicate in [2, 3] {
            #expect(!state.issues[duplicate]!.isOpen)
            #expect(state.timelines[duplicate]!.contains { $0.kind == .commented("Duplicate of #1") })
        }
        #expect(state.issues[1]!.isOpen)
        #expect(state.issues[1]!.linked(.duplicatedBy) == [2, 3])
        #expect(state.mentions.issues(mentioning: 1) == [2, 3], "the comment mentions the original")
    }

    @Test func undoTakesALinkBackAndRedoesIt() throws {
        let state = try threeIssues([.link(1, .blocks, 2)])
        #expect(state.inverse(of: .link(3, .blocks, 2)) == [.unlink(3, .blocks, 2)])
        #expect(state.inverse(of: .link(1, .blocks, 2)) == [], "already there: nothing to undo")
        #expect(state.inverse(of: .unlink(2, .blockedBy, 1)) == [.link(2, .blockedBy, 1)])
        #expect(Change.unlink(2, .blockedBy, 1).parts.map(\.field) == [.link(.blockedBy, 1)])
        #expect(Change.link(1, .duplicatedBy, 3).parts.map(\.field) == [.link(.duplicatedBy, 3), .placement],
                "undoing a duplicate reopens it")
        #expect(Change.link(1, .duplicatedBy, 3).parts.last?.issue == 3)
        #expect(IssueField.link(.blockedBy, 1).value(in: state.issues[2]!) == "yes")
    }

    @Test func theEventsOfALinkTouchBothIssues() {
        let event = Event(id: EventID(1), at: now, actor: "ann", issue: 4, kind: .linked(.blocks, 9))
        #expect(event.touchedIssues == [4, 9])
    }

    @Test func cyclesMadeByAMergeAreFound() throws {
        var state = try threeIssues([.link(1, .blocks, 2)])
        state.apply(Event(id: EventID(50), at: now, actor: "bob", issue: 2, kind: .linked(.blocks, 1)))
        #expect(state.linkCycles == ["#1 blocks #2 blocks #1"])
    }
}

/// References (`#12` in a title, description or comment) and task-list checklists.
@Suite struct ReferenceAndChecklistTests {
    @Test func referencesAreFoundWhereTheyAreWordsOfTheirOwn() {
        #expect(MentionIndex.references(in: "see #12, and #3.") == [12, 3])
        #expect(MentionIndex.references(in: "#7 first (#8) [#9] #7 again") == [7, 8, 9])
        #expect(MentionIndex.references(in: "C# abc#1 &#38; #x #0 #12a #1234567890 # 5") == [])
        #expect(MentionIndex.references(in: "日本#4 and 見#5") == [], "after a letter of any script")
        #expect(MentionIndex.references(in: "line\n#6") == [6])
    }

    @Test func mentionsAreComputedBothWaysFromTitlesDescriptionsAndComments() throws {
        let state = try board([.create(title: "one"), .create(title: "two, after #1"), .create(title: "three", body: "needs #1 and #2"),
                               .create(title: "four"), .comment(4, "like #2"), .retitle(1, "one, see #4"), .editBody(4, "self #4")])
        #expect(state.mentions.issues(mentioning: 1) == [2, 3])
        #expect(state.mentions.issues(mentioning: 2) == [3, 4])
        #expect(state.mentions.issues(mentioning: 4) == [1], "a mention of itself is none")
        #expect(state.mentions.issues(mentionedBy: 3) == [1, 2])
        #expect(state.mentions.issues(mentionedBy: 4) == [2])
    }

    @Test func checklistsCountTaskItemsOutsideCode() {
        let body = """
            Plan:
            - [ ] write
            - [x] review
              * [X] nested done
            1. [ ] numbered
            + [ ]
            - [y] not an item
            -[ ] not one either
            - [ ]no space
            ```
            - [ ] code, not an item
            ```
            """
        let checklist = Checklist(body)
        #expect(checklist.summary == "2/5")
        #expect(checklist.items.map(\.line) == [1, 2, 3, 4, 5])
        #expect(Checklist("no tasks").summary == nil)
        #expect(Checklist("- [x] a\n- [x] b").summary == "2/2")
    }
}
