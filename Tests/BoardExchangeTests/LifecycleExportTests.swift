import Foundation
import Testing
@testable import BoardExchange
@testable import BoardModel
import LanesTestSupport

/// How archived and deleted issues show in JSON, and that export leaves deleted ones out.
@Suite struct LifecycleExportTests {
    func sample() throws -> BoardState {
        try board([.create(title: "kept"), .create(title: "archived"), .create(title: "deleted"),
                   .lifecycle(2, .archived), .lifecycle(3, .deleted)])
    }

    func issues(_ bytes: [UInt8]) throws -> [[String: Any]] {
        (try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any])["issues"] as! [[String: Any]]
    }

    @Test func exportKeepsArchivedIssuesAndLeavesDeletedOnesOutUnlessAsked() throws {
        let state = try sample()
        let plain = try issues(IssueJSON.export(state, name: "b"))
        #expect(plain.map { $0["id"] as! Int } == [1, 2])
        #expect(plain.map { $0["archived"] as! Bool } == [false, true])
        #expect(plain.allSatisfy { $0["deleted"] as! Bool == false })
        let all = try issues(IssueJSON.export(state, name: "b", includingDeleted: true))
        #expect(all.map { $0["id"] as! Int } == [1, 2, 3])
        #expect(all[2]["deleted"] as! Bool == true)
        #expect((all[2]["timeline"] as! [[String: Any]]).map { $0["kind"] as! String } == ["created", "deleted"])
        #expect(state.exportedIssues(includingDeleted: false).map(\.number) == [1, 2], "CSV takes the same issues")
    }

    /// Export → import replays the timeline, so an archived issue comes back archived.
    @Test func lanesJSONImportReplaysLifecycleEvents() throws {
        let text = String(decoding: IssueJSON.export(try sample(), name: "b", includingDeleted: true), as: UTF8.self)
        let read = try LanesJSONImport.read(text)
        #expect(read.problems.isEmpty)
        #expect(read.issues[1].replay?.last?.kind == .lifecycle(.archived))
        #expect(read.issues[2].replay?.last?.kind == .lifecycle(.deleted))
    }
}
