import Testing
@testable import BoardModel
@testable import LanesApp

/// The filter in force is always a query that parsed as typed: <Enter> on a bad query keeps the
/// prompt (and what was typed) with an error naming the bad word, and puts back the filter that
/// was in force when the prompt opened, not a prefix that happened to parse while typing.
@Suite struct FilterPromptTests {
    @Test func enterOnABadQueryRevertsToTheFilterInForceAndNamesTheBadWord() throws {
        let h = try SessionHarness(SessionTests.seed)
        h.type("/label:bug<Enter>")
        #expect(h.session.ui.filter.source == "label:bug")
        h.type("/<C-u>priority:huge")
        #expect(h.session.ui.filter.source == "priority:h", "live filtering still applies what parses")
        h.type("<Enter>")
        #expect(h.session.ui.filter.source == "label:bug")
        #expect(h.session.ui.message?.text == "priority:huge: no priority \"huge\"; use urgent, high, medium, low or none")
        #expect(h.session.ui.prompt?.editor.text == "priority:huge", "what was typed stays in the prompt")
        #expect(h.screenText.contains("no priority \"huge\""))
        h.type("<BS><BS><BS>igh<Enter>")
        #expect(h.session.ui.prompt == nil && h.session.ui.filter.source == "priority:high")
        #expect(h.session.ui.message == nil)
    }

    @Test func aPrefixKeyShowsTheKeysThatMayFollow() throws {
        let h = try SessionHarness(SessionTests.seed)
        h.type("p")
        let last = h.screenText.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains("p… u urgent  h high  m medium  l low  n none"))
        h.type("<Esc>")
        #expect(h.session.ui.message == nil, "<Esc> drops the prefix quietly")
        #expect(!(h.screenText.split(separator: "\n").last.map(String.init) ?? "").contains("urgent"))
    }
}
