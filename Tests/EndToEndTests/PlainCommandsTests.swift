import ArgumentParser
import Testing
@testable import lanes

/// The hot commands made without ArgumentParser (`PlainCommands`) are the commands it makes of
/// the same line, every value and default; every line it would read otherwise, or refuse, is
/// left to it, so that its flags, messages and exit codes stay the ones users know.
@Suite struct PlainCommandsTests {
    /// Everything the command holds, as `dump` shows it (each property wrapper's parsed value).
    private func values(_ command: ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }

    @Test(arguments: [
        ["list"],
        ["list", "assignee:user3", "label:label-7", "is:open"],
        ["list", "--format", "json"],
        ["list", "--format=csv", "is:open", "--board", "/b", "--as", "ann", "help", "-", ""],
        ["list", "--now", "2026-12-04", "is:overdue", "--format", "table"],
        ["show", "7"], ["show", "#7", "--format", "json"], ["show", "--board=/b", "7", "--format=text"],
        ["add", "A title"],
        ["add", "A title", "--body", "text", "--label", "bug", "--label=ui", "--assign", "me", "--assign", "bo",
         "--priority", "high", "--column", "doing", "--as", "ann", "--now", "2026-12-04T09:00:00Z", "--board", "/b"],
        ["add", "--label", "bug", "title after an option"],
        ["comment", "4", "text"], ["comment", "4", "-"], ["comment", "4"],
        ["comment", "4", "new text", "--edit", "0123456789abcdef"], ["comment", "#4", "--delete", "0123456789abcdef"],
        ["move", "4", "doing"], ["move", "--board", "/b", "#4", "Code review"],
        ["assign", "4", "me"], ["assign", "4", "ann", "bo", "--remove"], ["assign", "--remove", "4", "ann"],
        ["close", "4"], ["close", "#4", "--as", "ann"],
        // Before the subcommand's name, as `commands.py` and scripts write them.
        ["--board", "/b", "list", "is:open"], ["--board=/b", "--as", "ann", "show", "4"], ["--now", "2026-12-04", "add", "t"],
        ["--board", "list", "list"], ["--as", "ann", "comment", "4", "text", "--board", "/b"],
        // Numbers as `IssueNumber` reads them, `-` and unicode as words, options after words.
        ["show", "+5"], ["close", "05"], ["move", "#05", "doing"], ["add", "-"], ["add", "Ünïcødé ✓ — title", "--label", "é"],
        ["assign", "4", "Zoë", "ann", "--remove"], ["list", "is:open", "--format", "json", "label:bug", "--as", "bo"],
    ])
    func plainLinesGiveWhatArgumentParserGives(_ line: [String]) throws {
        let plain = try #require(PlainCommands.parse(line), "\(line) should be read without ArgumentParser")
        #expect(values(plain) == values(try Lanes.parseAsRoot(line)))
    }

    /// Help, version, unknown or repeated options, `--`, values that look like options, bad
    /// numbers and formats, missing or extra words, what `validate` refuses, other commands.
    @Test(arguments: [
        [], ["--version"], ["--help"], ["help", "list"], ["list", "--help"], ["list", "-h"], ["show", "help"],
        ["list", "-label:bug"], ["list", "--", "-label:bug"], ["list", "--format"], ["list", "--format", "yaml"],
        ["list", "--format", "json", "--format", "csv"], ["list", "--format="], ["list", "--board", "--as", "x"],
        ["list", "--board", "-"], ["list", "--generate-completion-script", "bash"], ["list", "---x"],
        ["list", "--now", "soon"], ["show"], ["show", "0"], ["show", "x"], ["show", "1", "2"],
        ["add"], ["add", "a", "b"], ["add", "--label", "-x", "t"], ["add", "t", "--priority", "high", "--priority", "low"],
        ["comment", "4", "--edit", "nothex"], ["comment", "4", "text", "--delete", "0123456789abcdef"], ["comment", "4", "a", "b"],
        ["move", "4"], ["assign", "4"], ["assign", "4", "ann", "--remove=yes"], ["assign", "4", "ann", "--remove", "--remove"],
        ["close", "4", "5"], ["reopen", "4"], ["label", "4", "bug"], ["init"],
        ["--board", "/b", "list", "--board", "/c"], ["--board"], ["--board", "/b"], ["--board", "--as", "list"],
        ["--keys", "q", "list"], ["--dump", "list"], ["--board", "/b", "init"], ["--board", "show", "1"],
        // A title that starts with `-`, a prefix or other spelling of an option name, empty values, a repeated
        // `--format=`, root options after the name, help after the words.
        ["add", "-title"], ["add", "--", "-title"], ["show", "-5"], ["list", "--form", "json"], ["list", "--Format", "json"],
        ["add", "t", "--lab", "x"], ["add", "t", "--label="], ["add", "t", "--label", ""], ["list", "--as", ""],
        ["list", "--format=json", "--format=json"], ["list", "--dump"], ["list", "--utf8"], ["close", "4", "-h"],
    ])
    func everyOtherLineIsLeftToArgumentParser(_ line: [String]) {
        #expect(PlainCommands.parse(line) == nil)
    }
}
