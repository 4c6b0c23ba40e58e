import BoardModel

/// The JSON shape of issues and events, shared by `list`, `show` and `export`.
///
/// Field names are a promise to users' scripts: `id`, `title`, `body`, `column`, `state`,
/// `assignees`, `labels`, `priority`, `author`, `created`, `updated`, and `timeline` entries
/// `{id, at, actor, kind, …}`, `archived`, `deleted`. See docs/export-format.md.
public enum IssueJSON {
    public static func write(_ issue: Issue, timeline: [Event]? = nil, to json: inout JSONWriter) {
        withUnsafePointer(to: issue) { write(at: $0, timeline: timeline, to: &json) }
    }

    /// `write` of the issue at `issue`: its fields are read in place, where taking an `Issue`
    /// out of an array copies it (a retain and release of each of its strings and arrays).
    static func write(at issue: UnsafePointer<Issue>, timeline: [Event]? = nil, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", issue.pointee.number)
        json.field("title", issue.pointee.title)
        json.field("body", issue.pointee.body)
        json.field("column", issue.pointee.column)
        json.field("state", issue.pointee.state.rawValue)
        json.field("assignees", issue.pointee.assignees)
        json.field("labels", issue.pointee.labels)
        json.field("priority", issue.pointee.priority.rawValue)
        json.field("author", issue.pointee.author)
        if let reporter = issue.pointee.reporter {
            json.field("reporter", reporter)
            json.field("reporters", issue.pointee.reporters)
        }
        json.field("created", issue.pointee.created)
        json.field("updated", issue.pointee.updated)
        json.field("archived", issue.pointee.isArchived)
        json.field("deleted", issue.pointee.isDeleted)
        json.field("due", issue.pointee.due)
        json.field("snoozedUntil", issue.pointee.snooze?.until)
        writeLinks(issue.pointee.links, to: &json)
        if let timeline {
            json.key("timeline")
            json.beginArray()
            let comments = Dictionary(IssueComment.all(in: timeline).map { ($0.id, $0) }) { first, _ in first }
            for event in timeline { write(event, comment: comments[event.id], to: &json) }
            json.endArray()
        }
        json.endObject()
    }

    /// `comment`: for a `commented` event, the comment as it reads now (its text, earlier versions, deletion).
    public static func write(_ event: Event, comment: IssueComment? = nil, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", event.id.description)
        json.field("at", event.at)
        json.field("actor", event.actor)
        json.field("kind", event.kind.name)
        switch event.kind {
        case .columns(let columns):
            json.key("columns")
            json.beginArray()
            for column in columns { write(column, to: &json) }
            json.endArray()
        case let .created(title, body, column, rank, priority):
            json.field("title", title)
            json.field("body", body)
            json.field("column", column)
            json.key("rank"); json.number(rank)
            json.field("priority", priority.rawValue)
        case .retitled(let title): json.field("title", title)
        case .bodyEdited(let body): json.field("body", body)
        case let .moved(from, to, rank), let .closed(from, to, rank), let .reopened(from, to, rank):
            json.field("from", from)
            json.field("to", to)
            json.key("rank"); json.number(rank)
        case .assigned(let user), .unassigned(let user): json.field("user", user)
        case .labelled(let label), .unlabelled(let label): json.field("label", label)
        case .prioritised(let priority): json.field("priority", priority.rawValue)
        case .commented(let text):
            if let comment { CommentJSON.write(comment, to: &json) } else { json.field("text", text) }
        case .renumbered(let old): json.field("from", old)
        case .imported(let key): json.field("source", key)
        case .lifecycle: break
        case .dueSet(let date), .snoozed(let date): json.field("date", date)
        case let .linked(type, other), let .unlinked(type, other):
            json.field("type", type.rawValue)
            json.field("issue", other)
        case .column(let change): ColumnJSON.write(change, to: &json)
        case let .commentEdited(id, text):
            json.field("comment", id.description)
            json.field("text", text)
        case .commentDeleted(let id): json.field("comment", id.description)
        case .reported(let reporter): json.field("reporter", reporter)
        }
        json.endObject()
    }

    public static func write(_ column: Column, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", column.id)
        json.field("name", column.name)
        json.key("closing"); json.bool(column.isClosing)
        ColumnJSON.wip(column.wip, to: &json)
        json.endObject()
    }

    /// One issue's object of `list --format json` (no timeline), as UTF-8.
    public static func object(_ issue: Issue) -> [UInt8] {
        var json = JSONWriter()
        write(issue, to: &json)
        return json.bytes
    }

    /// `[issue, …]` for `list --format json`, as UTF-8.
    public static func list(_ issues: [Issue]) -> [UInt8] {
        issues.withUnsafeBufferPointer { issues in
            guard let first = issues.baseAddress else { return Array("[]".utf8) }
            var json = JSONWriter(capacity: issues.indices.reduce(2) { $0 + estimatedSize(of: first + $1) })
            json.beginArray()
            for index in issues.indices { write(at: first + index, to: &json) }
            json.endArray()
            return json.bytes
        }
    }

    /// About the bytes of an issue's object without its timeline (its field names, times and
    /// flags take about 300), so that the list's buffer is made once, not grown by doubling.
    private static func estimatedSize(of issue: UnsafePointer<Issue>) -> Int {
        let names = issue.pointee.assignees.count + issue.pointee.labels.count + issue.pointee.reporters.count
        return 384 + issue.pointee.title.utf8.count + issue.pointee.body.utf8.count + 24 * names + 32 * issue.pointee.links.count
    }

    /// The whole board for `export --format json`: columns, then issues with their timelines
    /// (deleted issues only if `includingDeleted`).
    public static func export(_ state: BoardState, name: String, includingDeleted: Bool = false) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.field("board", name)
        json.field("format", 1)
        json.key("columns")
        json.beginArray()
        for column in state.columns { write(column, to: &json) }
        json.endArray()
        json.key("issues")
        json.beginArray()
        for issue in state.exportedIssues(includingDeleted: includingDeleted) {
            write(issue, timeline: state.timelines[issue.number] ?? [], to: &json)
        }
        json.endArray()
        json.endObject()
        return json.bytes
    }
}
