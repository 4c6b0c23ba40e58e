import BoardModel
import BoardQuery
import Screen

/// `lanes digest` output: plain text (80 columns, terminal-safe), Markdown (to paste into chat
/// or mail) and JSON (one key per section), all from one `Digest`, sections in one order.
public enum DigestFormat {
    /// The sections in the order every format gives them, with their titles and JSON keys.
    enum Section: CaseIterable {
        case overdue, dueSoon, resurfaced, stale, newUnassigned

        var title: String {
            switch self {
            case .overdue: "Overdue"
            case .dueSoon: "Due in the next 7 days"
            case .resurfaced: "Back from waiting"
            case .stale: "Stale"
            case .newUnassigned: "New and unassigned"
            }
        }

        var key: String {
            switch self {
            case .overdue: "overdue"
            case .dueSoon: "dueSoon"
            case .resurfaced: "resurfaced"
            case .stale: "stale"
            case .newUnassigned: "newUnassigned"
            }
        }

        func issues(_ digest: Digest) -> [Issue] {
            switch self {
            case .overdue: digest.overdue
            case .dueSoon: digest.dueSoon
            case .resurfaced: digest.resurfaced
            case .stale: digest.stale
            case .newUnassigned: digest.newUnassigned
            }
        }

        /// The words after the title: "due 2026-03-01 · @bob".
        func detail(_ issue: Issue, _ digest: Digest) -> String {
            let who = issue.assignees.isEmpty ? "unassigned" : issue.assignees.map { "@" + $0 }.joined(separator: " ")
            switch self {
            case .overdue, .dueSoon: return "due \(issue.due.map(\.description) ?? "-") · \(who)"
            case .resurfaced: return "waited until \(issue.snooze.map(\.until.description) ?? "-") · \(who)"
            case .stale: return "idle \(issue.updated.age(relativeTo: digest.clock.now)) · \(who)"
            case .newUnassigned: return "by \(issue.author)"
            }
        }
    }

    static func heading(_ digest: Digest) -> String {
        "Digest for \(digest.person ?? "everyone") · \(digest.clock.today) · since \(digest.since.iso8601)"
    }

    // MARK: Text

    /// Plain text no wider than `width` columns, every user string sanitised.
    public static func text(_ digest: Digest, width: Int = 80) -> String {
        var lines = [DisplayWidth.truncate(Sanitizer.line(heading(digest)), to: width)]
        func section(_ title: String, _ rows: [(number: Int, title: String, detail: String)]) {
            lines.append("")
            guard !rows.isEmpty else { return lines.append("\(title): none") }
            lines.append("\(title) (\(rows.count))")
            let idWidth = rows.map { "#\($0.number)".count }.max() ?? 0
            for row in rows {
                let id = "#\(row.number)".padding(toLength: idWidth, withPad: " ", startingAt: 0)
                let detail = DisplayWidth.truncate(Sanitizer.line(row.detail), to: width / 2)
                let room = max(1, width - 2 - idWidth - 2 - 2 - DisplayWidth.of(detail))
                let title = DisplayWidth.truncate(Sanitizer.line(row.title), to: room)
                lines.append("  \(id)  \(title)" + String(repeating: " ", count: room - DisplayWidth.of(title) + 2) + detail)
            }
        }
        for kind in Section.allCases {
            section(kind.title, kind.issues(digest).map { ($0.number, $0.title, kind.detail($0, digest)) })
        }
        section("Mentions", digest.mentions.map { ($0.issue.number, $0.issue.title, "\($0.mention.by) → @\($0.mention.user)") })
        lines.append("")
        if digest.changes.isEmpty {
            lines.append("Changes: none")
        } else {
            lines.append("Changes (\(Plural.count(digest.changes.count, "issue")))")
            for entry in digest.changes {
                lines.append(DisplayWidth.truncate("  #\(entry.issue.number) " + Sanitizer.line(entry.issue.title), to: width))
                for line in entry.lines {
                    lines.append(DisplayWidth.truncate("      " + Sanitizer.line(line.actor + ": " + line.summary), to: width))
                }
            }
        }
        if digest.person == nil {
            lines.append("")
            lines.append(digest.people.isEmpty ? "Who carries what: nobody is assigned" : "Who carries what")
            let nameWidth = min(20, digest.people.map { DisplayWidth.of(Sanitizer.line($0.name)) }.max() ?? 0)
            for load in digest.people {
                let name = DisplayWidth.truncate(Sanitizer.line(load.name), to: nameWidth)
                lines.append("  " + name + String(repeating: " ", count: nameWidth - DisplayWidth.of(name) + 2)
                             + "\(load.open) open, \(load.overdue) overdue, \(load.stale) stale")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Markdown

    /// Markdown: a heading per section, a bullet per issue; Markdown's own characters in
    /// titles and names are escaped so a title cannot become a link or a heading.
    public static func markdown(_ digest: Digest) -> String {
        var out = "# " + escape(heading(digest)) + "\n"
        func section(_ title: String, _ rows: [(number: Int, title: String, detail: String)]) {
            out += "\n## \(title)\n\n"
            if rows.isEmpty { return out += "_none_\n" }
            for row in rows { out += "- **#\(row.number)** \(escape(row.title)) — \(escape(row.detail))\n" }
        }
        for kind in Section.allCases {
            section(kind.title, kind.issues(digest).map { ($0.number, $0.title, kind.detail($0, digest)) })
        }
        section("Mentions", digest.mentions.map { ($0.issue.number, $0.issue.title, "\($0.mention.by) → @\($0.mention.user)") })
        out += "\n## Changes\n\n"
        if digest.changes.isEmpty { out += "_none_\n" }
        for entry in digest.changes {
            out += "- **#\(entry.issue.number)** \(escape(entry.issue.title))\n"
            for line in entry.lines { out += "  - \(escape(line.actor)): \(escape(line.summary))\n" }
        }
        if digest.person == nil {
            out += "\n## Who carries what\n\n"
            if digest.people.isEmpty { out += "_nobody is assigned_\n" }
            for load in digest.people {
                out += "- \(escape(load.name)): \(load.open) open, \(load.overdue) overdue, \(load.stale) stale\n"
            }
        }
        return out
    }

    /// `text` on one line with Markdown's special characters backslash-escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in Sanitizer.line(text) {
            if "\\`*_{}[]()<>#+!|~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    // MARK: JSON

    /// One key per section, in the same order; dates as `YYYY-MM-DD`, times as ISO 8601.
    public static func json(_ digest: Digest) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.key("for")
        if let person = digest.person { json.string(person) } else { json.null() }
        json.field("now", digest.clock.now)
        json.field("today", digest.clock.today)
        json.field("since", digest.since)
        for kind in Section.allCases {
            json.key(kind.key)
            json.beginArray()
            for issue in kind.issues(digest) {
                json.beginObject()
                json.field("id", issue.number)
                json.field("title", issue.title)
                json.field("assignees", issue.assignees)
                json.field("due", issue.due)
                json.field("snoozedUntil", issue.snooze?.until)
                json.field("updated", issue.updated)
                json.endObject()
            }
            json.endArray()
        }
        json.key("mentions")
        json.beginArray()
        for entry in digest.mentions {
            json.beginObject()
            json.field("id", entry.issue.number)
            json.field("title", entry.issue.title)
            json.field("user", entry.mention.user)
            json.field("by", entry.mention.by)
            json.field("at", entry.mention.at)
            json.endObject()
        }
        json.endArray()
        json.key("changes")
        json.beginArray()
        for entry in digest.changes {
            json.beginObject()
            json.field("id", entry.issue.number)
            json.field("title", entry.issue.title)
            json.key("events")
            json.beginArray()
            for line in entry.lines {
                json.beginObject()
                json.field("actor", line.actor)
                json.field("summary", line.summary)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        if digest.person == nil {
            json.key("people")
            json.beginArray()
            for load in digest.people {
                json.beginObject()
                json.field("name", load.name)
                json.field("open", load.open)
                json.field("overdue", load.overdue)
                json.field("stale", load.stale)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        return json.bytes
    }
}
