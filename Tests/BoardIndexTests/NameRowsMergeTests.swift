import Testing
@testable import BoardIndex
@testable import BoardModel

/// A build's rows are encoded on both cores (`EncodedIssueRows`): each core gathers the names,
/// the open issues and the counts of the batches it encoded, and the two are merged. Whichever
/// core took which batch, the merged rows must be what one core gathering every issue in
/// number order gives: the same groups in key order, each group's numbers ascending, the same
/// authors and open issues.
@Suite struct NameRowsMergeTests {
    @Test func namesGatheredByTwoCoresMergeIntoWhatOneCoreGathers() {
        var random = SeededGenerator(seed: 20)
        // Short names (packed into two words), long ones (kept as strings), spellings that fold
        // together, and canonically equal ones with different bytes ("é" and "e" + U+0301).
        let names = ["ann", "Ann", "ANN", "bob", "zoë", "zoe\u{301}", "a-very-long-assignee-name", "a-very-long-assignee-namE",
                     "exactly15bytes!", "exactly16bytes!!", "ÅSA", "åsa", "用户"]
        let issues = (1...3_000).map { number -> BoardModel.Issue in
            var issue = Issue(number: number, title: "t", body: "", column: "backlog", rank: Double(number), priority: .none,
                              author: names[Int.random(in: 0..<names.count, using: &random)], created: Timestamp(milliseconds: 0))
            issue.assignees = (0..<Int.random(in: 0...3, using: &random)).map { _ in names.randomElement(using: &random)! }
            issue.labels = (0..<Int.random(in: 0...3, using: &random)).map { _ in names.randomElement(using: &random)! }
            if Bool.random(using: &random) { issue.state = .closed }
            return issue
        }
        var whole = NameRows(), wholeCounts = ColumnCounts()
        for issue in issues {
            whole.add(issue)
            wholeCounts.add(issue)
        }
        // Batches of 100 taken by two cores in a random interleaving, each core's in ascending order.
        for _ in 0..<5 {
            var cores = [NameRows(), NameRows()], counts = [ColumnCounts(), ColumnCounts()]
            for batch in stride(from: 0, to: issues.count, by: 100) {
                let core = Int.random(in: 0...1, using: &random)
                for issue in issues[batch..<min(issues.count, batch + 100)] {
                    cores[core].add(issue)
                    counts[core].add(issue)
                }
            }
            var merged = cores[0]
            merged.merge(cores[1])
            var mergedCounts = counts[0]
            mergedCounts.add(counts[1])
            #expect(NameRowsMergeTests.rows(merged.assigneeRows) == NameRowsMergeTests.rows(whole.assigneeRows))
            #expect(NameRowsMergeTests.rows(merged.labelRows) == NameRowsMergeTests.rows(whole.labelRows))
            #expect(merged.users == whole.users)
            #expect(merged.open == whole.open)
            #expect(mergedCounts == wholeCounts)
        }
        #expect(whole.assigneeRows.count == names.count) // every spelling a group of its own
        #expect(whole.open.count > 1_000 && whole.open.count < 2_000)
    }

    /// Each group as its bytes (canonically equal spellings compare unequal) and its numbers.
    static func rows(_ groups: [NameRows.Group]) -> [[UInt8]] {
        groups.map { Array($0.folded.utf8) + [0] + Array($0.spelled.utf8) + [0] + $0.numbers.flatMap { Array(String($0).utf8) + [44] } }
    }
}
