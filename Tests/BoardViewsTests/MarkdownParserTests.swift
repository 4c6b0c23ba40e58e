import Testing
@testable import BoardViews

/// The Markdown subset the issue view draws, one construct per test: what each line becomes.
@Suite struct MarkdownParserTests {
    func parse(_ text: String) -> [MarkdownBlock] { MarkdownParser.parse(text) }

    @Test func headingsNeedASpaceSoReferencesStayText() {
        #expect(parse("# Title\n### Small ###") == [.heading(level: 1, [.text("Title")]), .heading(level: 3, [.text("Small")])])
        #expect(parse("#42 is broken") == [.paragraph([.reference(42), .text(" is broken")])])
        #expect(parse("####### seven") == [.paragraph([.text("####### seven")])])
    }

    @Test func emphasisStrongAndSnakeCase() {
        #expect(parse("*a* **b** _c_ __d__") == [.paragraph([.emphasis([.text("a")]), .text(" "), .strong([.text("b")]), .text(" "),
                                                               .emphasis([.text("c")]), .text(" "), .strong([.text("d")])])])
        #expect(parse("snake_case_name and 2 * 3 * 4") == [.paragraph([.text("snake_case_name and 2 * 3 * 4")])])
        #expect(parse("**bold *and italic***") == [.paragraph([.strong([.text("bold "), .emphasis([.text("and italic")])])])])
    }

    @Test func inlineCodeKeepsItsContentRaw() {
        #expect(parse("run `lanes *list*` now") == [.paragraph([.text("run "), .code("lanes *list*"), .text(" now")])])
        #expect(parse("``a ` b``") == [.paragraph([.code("a ` b")])])
        #expect(parse("open `tick") == [.paragraph([.text("open `tick")])])
    }

    @Test func fencedCodeIsVerbatimToItsClosingFence() {
        #expect(parse("```swift\nlet a = 1\n\n  # not a heading\n```\nafter")
                == [.code(["let a = 1", "", "  # not a heading"]), .paragraph([.text("after")])])
        #expect(parse("~~~\nunclosed") == [.code(["unclosed"])])
    }

    @Test func quotesNestBlocks() {
        #expect(parse("> # Quoted\n> text\n>\n> - item") == [.quote([.heading(level: 1, [.text("Quoted")]), .paragraph([.text("text")]),
                                                                     .list([MarkdownListItem(marker: .bullet, blocks: [.paragraph([.text("item")])])])])])
    }

    @Test func listsBulletsNumbersAndTasksWithTheirLines() {
        #expect(parse("- a\n* b\n  more\n  - nested") == [.list([
            MarkdownListItem(marker: .bullet, blocks: [.paragraph([.text("a")])]),
            MarkdownListItem(marker: .bullet, blocks: [.paragraph([.text("b"), .lineBreak, .text("more")]),
                                                       .list([MarkdownListItem(marker: .bullet, blocks: [.paragraph([.text("nested")])])])]),
        ])])
        #expect(parse("3. three\n4) four") == [.list([MarkdownListItem(marker: .number(3), blocks: [.paragraph([.text("three")])]),
                                                       MarkdownListItem(marker: .number(4), blocks: [.paragraph([.text("four")])])])])
        #expect(parse("intro\n\n- [ ] todo\n- [x] done") == [.paragraph([.text("intro")]), .list([
            MarkdownListItem(marker: .task(done: false, line: 2), blocks: [.paragraph([.text("todo")])]),
            MarkdownListItem(marker: .task(done: true, line: 3), blocks: [.paragraph([.text("done")])]),
        ])])
    }

    @Test func linksAutolinksImagesAndReferences() {
        #expect(parse("see [the docs](https://x.org/a) or <https://y.org>") == [.paragraph([
            .text("see "), .link(text: [.text("the docs")], url: "https://x.org/a"), .text(" or "),
            .link(text: [.text("https://y.org")], url: "https://y.org"),
        ])])
        #expect(parse("![logo](a.png) [not a link] (x)") == [.paragraph([.text("![logo](a.png) [not a link] (x)")])])
        #expect(parse("fixes #12, not a#3 or #4b or &#39;") == [.paragraph([.text("fixes "), .reference(12), .text(", not a#3 or #4b or &#39;")])])
    }

    @Test func tablesWithAlignmentsAndRaggedRows() {
        let table = MarkdownTable(header: [[.text("a")], [.text("b")], [.text("c")]], alignments: [.left, .center, .right],
                                  rows: [[[.text("1")], [.code("x|y")], []], [[.text("2")], [.text("3")], [.text("4")]]])
        #expect(parse("| a | b | c |\n|---|:-:|--:|\n| 1 | `x\\|y` |\n| 2 | 3 | 4 |") == [.table(table)])
        #expect(parse("a | b\nno delimiter") == [.paragraph([.text("a | b"), .lineBreak, .text("no delimiter")])])
    }

    @Test func rulesAndAnythingElseAsWritten() {
        #expect(parse("---\n* * *\n___") == [.rule, .rule, .rule])
        #expect(parse("<div>html</div>\n\\*literal\\*") == [.paragraph([.text("<div>html</div>"), .lineBreak, .text("*literal*")])])
    }
}
