import Foundation
import Testing

/// `lanes list --help` and the README say "prefix a word with - to negate it": a negated word
/// is a query word wherever it stands on the command line (as `lanes label 4 -ui` takes `-ui`),
/// not an unknown option; a mistyped `--option` is still refused as one.
@Suite struct ListNegatedWordsTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    @Test func aWordWithALeadingDashIsNegatedNotAnUnknownOption() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "a bug", "--label", "bug"])
        try lanes.run(["add", "a feature", "--label", "ui"])
        try lanes.run(["add", "done", "--label", "ui"])
        try lanes.run(["close", "3"])
        for (line, numbers) in [(["--format", "csv", "-label:bug"], "2,3"), (["--format", "csv", "is:open", "-label:bug"], "2"),
                                (["-is:closed", "-label:ui", "--format", "csv"], "1"), (["-label:bug", "--format", "csv", "-is:closed"], "2"),
                                (["--format", "csv", "--", "-label:bug"], "2,3")] {
            let result = try lanes.run(["list"] + line)
            #expect(result.status == 0, "lanes list \(line): \(result.stderr)")
            let listed = result.stdout.split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: ",").first }
            #expect(listed.joined(separator: ",") == numbers, "lanes list \(line)")
        }
        let typo = try lanes.run(["list", "--fromat", "json"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("--fromat"), "\(typo.stderr)")
        #expect(try lanes.run(["list", "-h"]).stdout.contains("prefix a word with - to negate it"))
    }
}
