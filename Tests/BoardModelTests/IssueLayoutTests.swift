import Testing
@testable import BoardModel

/// A big board holds 100,000 to a million issues in one array: every byte of an `Issue` costs
/// 0.1 to 1 MB of the full-screen board's memory, so its fields are laid out without gaps and
/// what most issues never set is kept behind a reference.
@Suite struct IssueLayoutTests {
    @Test func anIssueLeavesNoWordOfPaddingUnused() {
        // 176 bytes: what most issues never set (mentions, links, reporters, waiting), the
        // rarely edited clocks and the lifecycle stamps out of line, the three names as numbers
        // into the process's table, and the small fields in the words the two 17-byte texts
        // (a string, or where it lies in the cache) leave.
        #expect(MemoryLayout<BoardModel.Issue>.stride <= 176)
        #expect(MemoryLayout<FieldClocks>.size == 56)
        #expect(MemoryLayout<Lifecycle>.size == 10)
        #expect(MemoryLayout<InternedName>.size == 4)
    }

    /// The fields kept narrow or out of line read back as set, and an issue whose rare fields
    /// are all emptied again equals (and hashes and prints as) one that never had them.
    @Test func narrowAndRareFieldsReadBackAsSet() {
        let plain = Issue(number: 999_999_999, title: "t", body: "b", column: "doing", rank: 1, priority: .high,
                          author: "Ana Lima", created: Timestamp(milliseconds: 5))
        var issue = plain
        #expect(issue.number == 999_999_999 && issue.column == "doing" && issue.author == "Ana Lima")
        #expect(issue.columnBeforeClose == nil && issue.due == nil)
        issue.column = "done"
        issue.columnBeforeClose = "a column id longer than fifteen bytes"
        issue.author = ""
        issue.due = CalendarDate(year: 9999, month: 12, day: 31)
        #expect(issue.column == "done" && issue.columnBeforeClose == "a column id longer than fifteen bytes" && issue.author == "")
        #expect(issue.due == CalendarDate(year: 9999, month: 12, day: 31))
        issue.due = CalendarDate(year: 1, month: 1, day: 1)
        #expect(issue.due == CalendarDate(year: 1, month: 1, day: 1))
        issue.columnBeforeClose = ""
        #expect(issue.columnBeforeClose == "")

        let mention = Mention(user: "bob", at: Timestamp(milliseconds: 9), by: "ana")
        let link = IssueLink(.blockedBy, 3)
        let snooze = Snooze(until: CalendarDate(year: 2027, month: 1, day: 2)!, by: "ana", at: Timestamp(milliseconds: 7))
        var rare = plain
        rare.mentions = [mention]
        rare.links = [link]
        rare.reporters = ["Ana <ana@example.com>"]
        rare.snooze = snooze
        #expect(rare.mentions == [mention] && rare.links == [link] && rare.reporters == ["Ana <ana@example.com>"] && rare.snooze == snooze)
        #expect(rare != plain)
        rare.mentions = []
        #expect(rare.links == [link] && rare.reporters == ["Ana <ana@example.com>"] && rare.snooze == snooze)
        rare.links = []
        rare.reporters = []
        #expect(rare != plain && rare.snooze == snooze)
        rare.snooze = nil
        #expect(rare == plain && rare.hashValue == plain.hashValue && "\(rare)" == "\(plain)")
    }

    /// The clocks kept out of line read back as set, each apart from the others, and two clocks
    /// with the same stamps are equal however they got them.
    @Test func eachClockKeepsItsOwnStamp() {
        func stamp(_ at: Int64) -> Stamp { Stamp(at: Timestamp(milliseconds: at), id: EventID(UInt64(at))) }
        let first = stamp(1)
        var clocks = FieldClocks(first)
        let fields: [WritableKeyPath<FieldClocks, Stamp>] = [\.title, \.body, \.priority, \.placement, \.due, \.snooze]
        for (offset, field) in fields.enumerated() {
            clocks[keyPath: field] = stamp(Int64(10 + offset))
            for (other, otherField) in fields.enumerated() {
                #expect(clocks[keyPath: otherField] == (other <= offset ? stamp(Int64(10 + other)) : first))
            }
        }
        var again = FieldClocks(stamp(99))
        for (offset, field) in fields.enumerated().reversed() { again[keyPath: field] = stamp(Int64(10 + offset)) }
        #expect(again == clocks)
        #expect(again.hashValue == clocks.hashValue)
        // Back to one stamp for the four out of line: equal to clocks that never left it.
        for field in [\FieldClocks.title, \.body, \.due, \.snooze] { again[keyPath: field] = first }
        var plain = FieldClocks(first)
        plain.priority = stamp(12)
        plain.placement = stamp(13)
        #expect(again == plain)
    }

    @Test func aLifecycleKeepsBothStamps() {
        var lifecycle = Lifecycle()
        let archived = Stamp(at: Timestamp(milliseconds: 5), id: EventID(5))
        let deleted = Stamp(at: Timestamp(milliseconds: 7), id: EventID(7))
        lifecycle.apply(.archived, stamp: archived)
        lifecycle.apply(.deleted, stamp: deleted)
        #expect(lifecycle.archivedStamp == archived && lifecycle.deletedStamp == deleted)
        #expect(lifecycle.isArchived && lifecycle.isDeleted)
        lifecycle.apply(.unarchived, stamp: Stamp(at: Timestamp(milliseconds: 6), id: EventID(6)))
        #expect(!lifecycle.isArchived && lifecycle.isDeleted && lifecycle.deletedStamp == deleted)
        #expect(lifecycle == Lifecycle(isArchived: false, isDeleted: true,
                                       archivedStamp: Stamp(at: Timestamp(milliseconds: 6), id: EventID(6)), deletedStamp: deleted))
        #expect(Lifecycle() == Lifecycle(isArchived: false, isDeleted: false, archivedStamp: Lifecycle.unset, deletedStamp: Lifecycle.unset))
    }
}
