import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
@testable import BoardViews
import Screen

/// The issue view drawing each Markdown construct of a description, at 80×24 and 40×12.
@Suite struct MarkdownSnapshotTests {
    static let constructs: [(String, String)] = [
        ("heading", "# Login is broken\nIntro text.\n## Steps\n### Details ###"),
        ("emphasis", "This is *important*, **really** important, and ***both***; snake_case stays."),
        ("inline-code", "Run `lanes show 3 --format json` and look at `timeline`."),
        ("code-block", "Before:\n\n```\nfunc f() {\n\treturn 1\n}\n```\nAfter."),
        ("code-wide", "```\nlet aVeryLongLineOfCode = \"which is much wider than a forty column terminal and than eighty columns too\"\n```"),
        ("quote", "> Someone said this,\n> and *this* too.\n\nThen me."),
        ("lists", "- one\n- two\n  continued\n  - nested\n\n1. first\n2. second\n\n- [ ] to do #2\n- [x] done"),
        ("links", "See [the guide](https://example.org/guide) and <https://example.org>; fixes #1."),
        ("table", "| key | what | n |\n|-----|:----:|--:|\n| j | down | 1 |\n| G | last | 10 |"),
        ("table-wide", "| command | what it does | where |\n|---|---|---|\n| lanes comment N --edit ID | gives a comment new text | CLI |"),
        ("rule", "above\n\n---\n\nbelow"),
        ("cjk", "# 日本語の見出し\n日本語の文章はスペースなしで長く続くので、幅に合わせて折り返されるべきです。\n\n| 名前 | 値 |\n|---|---|\n| 幅 | 二 |"),
        ("as-written", "<details>raw html</details>\n![image](a.png) \\*not emphasis\\*"),
    ]

    func render(_ body: String, width: Int, height: Int, cursor: Int = 0) -> CellGrid {
        var state = SampleBoard.state
        state.apply(Event(id: EventID(999), at: SampleBoard.now, actor: "ann", issue: 6, kind: .bodyEdited(body)))
        var ui = UIState()
        ui.view = .issue(6)
        ui.history = [.board]
        ui.issueCursor = cursor
        let context = SampleBoard.context(ui, state: state)
        Viewport.adjust(&ui, projection: context.projection, layout: BoardLayout(width: width, height: height),
                        issueRows: IssueView.rows(6, context, width: width).count)
        return Renderer.render(SampleBoard.context(ui, state: state), width: width, height: height)
    }

    @Test(arguments: constructs)
    func construct(name: String, body: String) {
        for (width, height) in [(80, 24), (40, 12)] {
            assertSnapshot(render(body, width: width, height: height, cursor: 7), named: "markdown-\(name)-\(width)x\(height)")
        }
    }

    /// Styles the text snapshots cannot show: a heading's, a link's and its dimmed URL, code's.
    @Test func stylesOfHeadingsLinksAndCode() {
        let theme = Theme.named("default")
        let grid = render("# Head\n[text](https://u.org) `code`", width: 80, height: 24, cursor: 0)
        func style(of text: String) -> Style? {
            for y in 0..<grid.height {
                guard let x = grid.lines[y].range(of: text).map({ grid.lines[y].distance(from: grid.lines[y].startIndex, to: $0.lowerBound) })
                else { continue }
                return grid[x + 1, y].style
            }
            return nil
        }
        #expect(style(of: "Head") == theme[.markdownHeading])
        #expect(style(of: "text") == theme[.markdownLink])
        #expect(style(of: "https://u.org") == theme[.dim])
        #expect(style(of: "code") == theme[.markdownCode])
    }

    /// Without colours (mono, NO_COLOR) every Markdown element still differs from plain text.
    @Test(arguments: ["mono", "default"])
    func markdownStaysVisibleWithoutColour(theme name: String) {
        let theme = Theme.named(name).withoutColors
        for element in [Theme.Element.markdownHeading, .markdownCode, .markdownQuote, .markdownLink] {
            #expect(!theme[element].attributes.isEmpty, "\(element) in \(name) without colour")
        }
    }
}
