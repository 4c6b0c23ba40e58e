/// `@name` in a comment or a description: the people it reaches.
public enum Mentions {
    /// The names mentioned in `text`, in order, each once: `@` at the start or after a
    /// character that cannot be part of a name (so `ann@example.com` mentions nobody), then
    /// letters, digits, `.`, `_` or `-` (a trailing `.` is punctuation, not part of the name).
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        var previous: Character = " "
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "@", !isNameCharacter(previous) {
                var end = text.index(after: index)
                while end < text.endIndex, isNameCharacter(text[end]) { end = text.index(after: end) }
                var name = text[text.index(after: index)..<end]
                while name.last == "." { name = name.dropLast() }
                if !name.isEmpty, !names.contains(where: { $0.caseInsensitiveEquals(String(name)) }) { names.append(String(name)) }
                previous = text[text.index(before: end)]
                index = end
                continue
            }
            previous = character
            index = text.index(after: index)
        }
        return names
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "." || character == "_" || character == "-"
    }
}

/// One person named with `@` on an issue, and when (the latest time).
public struct Mention: Hashable, Sendable {
    public var user: String
    public var at: Timestamp
    public var by: String

    public init(user: String, at: Timestamp, by: String) {
        self.user = user
        self.at = at
        self.by = by
    }
}

extension Issue {
    /// Records the people `event`'s text mentions (a comment, a description).
    mutating func foldMentions(_ event: Event) {
        // The fold's hot path: most texts have no `@` at all, found with one byte scan.
        guard let text = event.text, text.containsByte(UInt8(ascii: "@")) else { return }
        for name in Mentions.names(in: text) {
            let mention = Mention(user: name, at: event.at, by: event.actor)
            if let index = mentions.firstIndex(where: { $0.user.caseInsensitiveEquals(name) }) {
                if mentions[index].at <= event.at { mentions[index] = mention }
            } else {
                mentions.append(mention)
            }
        }
    }

    /// Whether `user` is mentioned here (at any time, or after `since`).
    public func mentions(_ user: String, since: Timestamp? = nil) -> Bool {
        mentions.contains { mention in
            mention.user.caseInsensitiveEquals(user) && (since.map { mention.at > $0 } ?? true)
        }
    }
}
