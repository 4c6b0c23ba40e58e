import BoardModel
import BoardQuery

/// The text opened in `$EDITOR` and how it is read back, the way `git commit --cleanup=scissors`
/// does it: everything above the scissors line is the person's text, kept verbatim (Markdown
/// headings, `#42` references, blank lines); everything from the scissors line down is ours.
///
/// Instructions can therefore never collide with content, whatever the content starts with.
public enum EditorTemplate {
    /// The line below which nothing is read (git's scissors line).
    public static let scissors = "# ------------------------ >8 ------------------------"

    /// `content` above the scissors line, then the instructions. The newline before the
    /// scissors line is ours, so a last line without a newline survives an edit.
    public static func make(_ content: String, instructions: [String]) -> String {
        content + "\n" + scissors + "\n"
            + "# Do not modify or remove the line above. Everything below it is ignored.\n"
            + instructions.map { "# " + $0 + "\n" }.joined()
    }

    /// The person's text: everything above the scissors line (or the whole file if they deleted
    /// it) without the one newline that ends the last line.
    public static func content(of text: String) -> String {
        var above = Substring(text)
        if text.hasPrefix(scissors + "\n") || text == scissors {
            above = ""
        } else if let range = text.range(of: "\n" + scissors + "\n") ?? suffixRange(of: "\n" + scissors, in: text) {
            above = text[..<text.index(after: range.lowerBound)]
        }
        if above.hasSuffix("\n") { above = above.dropLast() }
        return String(above)
    }

    private static func suffixRange(of suffix: String, in text: String) -> Range<String.Index>? {
        text.hasSuffix(suffix) ? text.index(text.endIndex, offsetBy: -suffix.count)..<text.endIndex : nil
    }

    // MARK: - Issues

    /// The title on the first line, a blank line, then the description exactly as stored; or
    /// the text kept from a save that failed, if there is one.
    public static func issue(_ issue: Issue, draft: Draft? = nil) -> String {
        make(draft?.text ?? issue.title + "\n\n" + issue.body, instructions: [
            "Editing #\(issue.number). The first line is the title; the description follows a blank line.",
            draft == nil ? "Leave the file unchanged or empty above the line to change nothing." : nil,
        ].compactMap { $0 } + (draft?.instructions ?? []))
    }

    /// Text kept from a save that failed, offered again in place of the stored text.
    public struct Draft {
        public var text: String
        /// Where it is kept until it is saved.
        public var path: String
        public init(text: String, path: String) {
            self.text = text
            self.path = path
        }
        var instructions: [String] {
            ["This is your text from a save that failed (kept in \(path)).",
             "Save to try again; empty the text above the line to discard it."]
        }
    }

    /// The title and description of an edited issue template, or nil when nothing is left
    /// above the scissors line.
    public static func titleAndBody(of text: String) -> (title: String, body: String)? {
        let content = content(of: text)
        guard !content.trimmingSpaces.isEmpty else { return nil }
        guard let newline = content.firstIndex(of: "\n") else { return (content, "") }
        var body = content[content.index(after: newline)...]
        // The blank line between title and description is the template's, not the person's.
        if body.hasPrefix("\n") { body = body.dropFirst() }
        return (String(content[..<newline]), String(body))
    }

    // MARK: - Comments

    /// An empty comment above the instructions, or the text kept from a save that failed.
    public static func comment(on numbers: [Int], draft: Draft? = nil) -> String {
        let list = numbers.map { "#\($0)" }.joined(separator: ", ")
        return make(draft?.text ?? "", instructions: ["Comment on \(list). Write above the line; an empty comment cancels."]
                        + (draft?.instructions ?? []))
    }

    /// The comment written above the scissors line, or nil when it is only blank.
    public static func commentText(of text: String) -> String? {
        let content = content(of: text)
        return content.trimmingSpaces.isEmpty ? nil : content
    }

    /// A comment's text to edit in place, or the text kept from a save that failed.
    public static func commentEdit(_ comment: IssueComment, on number: Int, draft: Draft? = nil) -> String {
        make(draft?.text ?? comment.text, instructions: [
            "Editing your comment \(comment.id) on #\(number). An empty text changes nothing.",
        ] + (draft?.instructions ?? []))
    }
}
