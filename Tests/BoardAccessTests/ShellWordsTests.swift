import BoardAccess
import Testing

struct ShellWordsTests {
    @Test func quotesAndBackslashesSplitAsAShellWould() throws {
        #expect(try ShellWords.split("add 'Login fails' --label bug") == ["add", "Login fails", "--label", "bug"])
        #expect(try ShellWords.split(#"add "say \"hi\" \$x" a\ b 'it''s'"#) == ["add", #"say "hi" $x"#, "a b", "its"])
        #expect(try ShellWords.split("  list\t assignee:me  ") == ["list", "assignee:me"])
        #expect(try ShellWords.split("add ''") == ["add", ""])
    }

    @Test func nothingIsExpandedAndOperatorsAreText() throws {
        #expect(try ShellWords.split("add $HOME;rm -rf * `id` $(id) ~") == ["add", "$HOME;rm", "-rf", "*", "`id`", "$(id)", "~"])
    }

    @Test func unterminatedQuotesAreRefused() {
        #expect(throws: (any Error).self) { try ShellWords.split("add 'open") }
        #expect(throws: (any Error).self) { try ShellWords.split("add \"open") }
        #expect(throws: (any Error).self) { try ShellWords.split("add \\") }
    }
}
