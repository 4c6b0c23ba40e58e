@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
import BoardViews
import Keymap

/// A fixed board with awkward text (CJK, emoji, combining marks, escapes) and a fixed clock,
/// so snapshots are identical on every machine.
enum SampleBoard {
    static let now = Timestamp(milliseconds: 1_780_000_000_000)

    static var state: BoardState {
        var state = BoardState()
        var id: UInt64 = 0
        func add(_ issue: Int, _ kind: EventKind, _ actor: String, hoursAgo: Int64) {
            id += 1
            state.apply(Event(id: EventID(id), at: Timestamp(milliseconds: now.milliseconds - hoursAgo * 3_600_000),
                              actor: actor, issue: issue, kind: kind))
        }
        add(1, .created(title: "Login fails on Safari", body: "Steps:\n1. open the page\n2. press login", column: "todo", rank: 1, priority: .high), "ann", hoursAgo: 400)
        add(1, .labelled("bug"), "ann", hoursAgo: 400)
        add(1, .assigned("bob"), "ann", hoursAgo: 399)
        add(2, .created(title: "日本語のタイトルを表示する", body: "", column: "todo", rank: 2, priority: .none), "chen", hoursAgo: 50)
        add(2, .labelled("i18n"), "chen", hoursAgo: 50)
        add(3, .created(title: "Emoji 🎉👩‍💻 in titles", body: "", column: "doing", rank: 1, priority: .urgent), "bob", hoursAgo: 30)
        add(3, .assigned("bob"), "bob", hoursAgo: 30)
        add(3, .moved(from: "todo", to: "doing", rank: 1), "bob", hoursAgo: 5)
        add(3, .commented("Working on it.\nShould land today."), "bob", hoursAgo: 2)
        add(4, .created(title: "Café crème: combining e\u{301} marks", body: "", column: "review", rank: 1, priority: .medium), "dee", hoursAgo: 20)
        add(5, .created(title: "Evil \u{1B}]0;pwned\u{07} title \u{202E}rtl", body: "\u{1B}[2J", column: "backlog", rank: 1, priority: .low), "eve", hoursAgo: 10)
        add(6, .created(title: "Ship it", body: "", column: "done", rank: 1, priority: .none), "ann", hoursAgo: 100)
        for n in 7...12 {
            add(n, .created(title: "Backlog item \(n)", body: "", column: "backlog", rank: Double(n), priority: .none), "ann", hoursAgo: 60)
        }
        return state
    }

    static var keymap: Keymap {
        var builder = KeymapBuilder()
        builder.apply(DefaultBindings.file, name: "(built-in)")
        return builder.keymap
    }

    static func context(_ ui: UIState = UIState(), state: BoardState = SampleBoard.state, theme: Theme = .named("default"),
                        settings: ViewSettings = ViewSettings()) -> ViewContext {
        ViewContext(board: state, projection: BoardProjection(state: state, query: ui.filter, now: now), ui: ui,
                    theme: theme, keymap: keymap, settings: settings, actor: "ann", boardName: "sample", now: now)
    }
}
