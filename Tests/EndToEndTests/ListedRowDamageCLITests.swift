import Foundation
import Testing

/// `lanes list`'s table checks each row's seal where the row is decoded (`ListedRow`): on this
/// core for the first rows, on the table's core past them (`List.tableOnThisCore`). A row
/// changed in the index file without its seal, early or late in the list, must never be shown:
/// the table is printed once, and it is the whole board's, as are the CSV and JSON of the
/// same query and every list after the index is rebuilt.
@Suite struct ListedRowDamageCLITests {
    let clone = DeferredIndexKillTests()
    var lanes: LanesProcess { clone.lanes }

    func sql(_ statement: String) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: clone.indexDirectory).filter { $0.hasSuffix(".sqlite") }
        let file = try #require(files.first)
        let result = try lanes.run(["/usr/bin/sqlite3", clone.indexDirectory + "/" + file, statement], direct: true)
        #expect(result.status == 0, "\(statement): \(result.stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs sqlite3"),
          arguments: [3, 3_001])
    func aRowChangedWithoutItsSealIsNeverShownWhereverItIsDecoded(_ damaged: Int) throws {
        try clone.board()
        #expect(try lanes.run(["columns"]).status == 0, "the whole index built")
        #expect(try clone.storedFormat() == 3)
        for (trial, format) in ["table", "csv"].enumerated() {
            // The title written in by hand, the seal left as it was (a byte added to the row's data).
            try sql("UPDATE issues SET data = data || x'00' WHERE number = \(damaged)")
            let query = ["list", "is:open", "--format", format]
            let listed = try lanes.run(query)
            #expect(listed.status == 0, "trial \(trial): \(listed.stderr)")
            #expect(listed.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("#\(damaged) ") }.count == (format == "table" ? 1 : 0),
                    "trial \(trial): the damaged issue's row printed once")
            try clone.expectWholeBoard(query, "trial \(trial), #\(damaged) damaged, \(format)")
        }
    }
}
