import Foundation
import Testing

/// Column changes made offline on two clones merge through `lanes sync`: both additions stay,
/// a rename and a move of one column both apply, and issues moved into a column the other side
/// removed land in its `--to` column; no issue is lost and `lanes check` is clean.
extension GitSyncTests {
    @Test func concurrentColumnChangesConvergeWithNoIssueLost() throws {
        let (_, a, b) = try setUp()
        let ann = lanes(as: "ann"), bob = lanes(as: "bob")
        #expect(try ann.run(["add", "Second", "--column", "review"], in: a).stdout == "#2\n")
        #expect(try ann.run(["sync"], in: a).status == 0)
        #expect(try bob.run(["sync"], in: b).status == 0)

        // Offline on both sides.
        #expect(try ann.run(["columns", "add", "QA", "--after", "doing"], in: a).status == 0)
        #expect(try bob.run(["columns", "add", "Blocked", "--after", "todo"], in: b).status == 0)
        #expect(try ann.run(["columns", "rename", "todo", "Ready"], in: a).status == 0)
        #expect(try bob.run(["columns", "move", "todo", "--after", "review"], in: b).status == 0)
        let removal = try ann.run(["columns", "remove", "backlog", "--to", "doing"], in: a)
        #expect(removal.status == 0, "\(removal.stderr)")
        #expect(try bob.run(["add", "Bob's new", "--column", "backlog"], in: b).stdout == "#3\n")
        #expect(try bob.run(["move", "2", "backlog"], in: b).status == 0)

        for (who, dir) in [(ann, a), (bob, b), (ann, a)] {
            let sync = try who.run(["sync"], in: dir)
            #expect(sync.status == 0, "\(sync.stderr)")
        }
        let columnsA = try ann.run(["columns", "--format", "json"], in: a).stdout
        #expect(columnsA == (try bob.run(["columns", "--format", "json"], in: b).stdout), "both clones see the same columns")
        let columns = try json(columnsA) as! [[String: Any]]
        let ids = columns.map { $0["id"] as! String }
        #expect(Set(ids) == ["todo", "blocked", "doing", "qa", "review", "done"], "add/add both kept, the removal applied: \(ids)")
        #expect(columns.first { $0["id"] as? String == "todo" }?["name"] as? String == "Ready", "the rename applied")
        #expect(ids.firstIndex(of: "todo") == ids.firstIndex(of: "review")! + 1, "and the move too: \(ids)")

        let issues = try json(ann.run(["list", "--format", "json"], in: a).stdout) as! [[String: Any]]
        #expect(issues.count == 3, "no issue lost")
        #expect(issues.allSatisfy { $0["column"] as? String == "doing" }, "moved into the removed column: landed in its --to column")
        #expect(try ann.run(["export"], in: a).stdout == (try bob.run(["export"], in: b).stdout).replacingOccurrences(of: "two/repo", with: "one/repo"))
        for (who, dir) in [(ann, a), (bob, b)] {
            let check = try who.run(["check"], in: dir)
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        }
    }
}
