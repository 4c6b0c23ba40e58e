import BoardModel
import BoardStore

/// A realistic team backlog for `lanes demo`: about sixty issues across every column, six
/// people, labels, priorities, comments and moves spread over six weeks.
public enum DemoBoard {
    static let users = ["ann", "bob", "chen", "dee", "eli", "fay"]
    static let labels = ["bug", "ui", "api", "docs", "perf", "i18n", "ci", "security"]
    static let titles = [
        "Login fails on Safari 17", "Dark mode for the settings page", "日本語の翻訳を更新する", "Rate-limit the export API",
        "Upgrade to Swift 6.3", "Flaky test in the sync suite", "Write the onboarding guide", "Crash when a title has emoji 🎉",
        "Paginate the audit log", "CSV export drops quoted commas", "Keyboard shortcut for archive", "Slow search on large boards",
        "Password reset email is plain text", "Move CI to the new runners", "Document the store format", "Add a health check endpoint",
        "Avatar upload ignores EXIF rotation", "Timeline shows wrong time zone", "Retry webhooks with backoff", "Split the settings page",
        "Accessibility: focus order in dialogs", "Remove the legacy importer", "Cache the dashboard query", "Localise dates (한국어, Deutsch)",
        "Two-factor login with TOTP", "Sort issues by last activity", "Bulk assign from the list view", "Fix memory leak in the poller",
        "Show who is viewing an issue", "Add labels to the CLI output", "Vacation mode for notifications", "Audit dependency licences",
        "Broken link in the footer", "Markdown tables in comments", "Import issues from Jira", "Per-column WIP limits",
        "Empty state for new boards", "Better error for a full disk", "Rotate the signing keys", "Stale issue reminders",
        "Mobile layout for the board", "Hide closed issues after 30 days", "Search inside comments", "API tokens with scopes",
        "Speed up the first page load", "Undo for bulk moves", "Sanitise pasted HTML", "Weekly digest email",
        "Drag cards between columns", "Offline mode for the CLI", "Right-to-left layout (עברית)", "Status page integration",
        "Compress old event logs", "Pin important issues", "Custom fields for issues", "Lock the board during migration",
        "Show the author on cards", "Time tracking per issue", "Shortcut help overlay", "Merge duplicate issues",
    ]
    static let comments = [
        "I can reproduce this on my machine.", "Is this still happening after the last deploy?", "Picking this up today.",
        "Needs a design review first.", "Fixed in the branch, waiting for CI.", "Customers keep asking for this one.",
        "Let's split this into two issues.", "Blocked on the API change.", "Works for me now, closing soon.",
    ]

    /// Creates the board at `location` (which must not exist yet) as of `now`.
    public static func seed(_ location: BoardLocation, now: Timestamp = .now) throws(BoardError) {
        try EventLog.create(location, actor: "ann", now: Timestamp(milliseconds: now.milliseconds - 43 * Timestamp.day))
        let log = try EventLog.open(location)
        var random = SeededGenerator(seed: 2026) // every demo board tells the same story
        let columns = ["backlog", "todo", "doing", "review", "done"]
        let start = now.milliseconds - 42 * Timestamp.day
        for (index, title) in titles.enumerated() {
            var time = start + Int64(index) * (Timestamp.day * 2 / 3) + Int64(random.next() % 3_600_000)
            func at() -> Timestamp { Timestamp(milliseconds: min(time, now.milliseconds - 60_000)) }
            let author = users[Int(random.next() % 6)]
            let priority = Priority.allCases[Int(random.next() % 5)]
            var issueLabels = [labels[Int(random.next() % 8)]]
            if random.next() % 3 == 0 { issueLabels.append(labels[Int(random.next() % 8)]) }
            let assignees = random.next() % 4 == 0 ? [] : [users[Int(random.next() % 6)]]
            let events = try log.commit([.create(title: title, body: "Reported by \(author). Steps and context go here.",
                                                 column: "backlog", labels: issueLabels, assignees: assignees, priority: priority)],
                                        actor: author, now: at())
            let number = events[0].issue
            // Walk the issue forward through the columns, with comments on the way.
            let target = index % 5 == 0 ? 0 : Int(random.next() % 5)
            for step in 0..<target {
                time += Int64(random.next() % UInt64(Timestamp.day))
                let mover = assignees.first ?? users[Int(random.next() % 6)]
                try log.commit([.move(number, to: columns[step + 1])], actor: mover, now: at())
                if random.next() % 3 == 0 {
                    time += Int64(random.next() % 7_200_000)
                    try log.commit([.comment(number, comments[Int(random.next() % UInt64(comments.count))])],
                                   actor: users[Int(random.next() % 6)], now: at())
                }
            }
        }
    }
}
