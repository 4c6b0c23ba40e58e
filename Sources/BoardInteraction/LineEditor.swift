import BoardModel
import BoardQuery

/// A one-line text editor for prompts: cursor movement, word and line deletion, wide characters.
///
/// Editing works on grapheme clusters, so a CJK character or an emoji is one step of the cursor.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position in characters, 0...count.
    public private(set) var cursor: Int

    public init(text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    public mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
    }

    public mutating func insert(_ text: String) { for character in text { insert(character) } }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(characters.count, cursor + 1) }
    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = characters.count }

    /// `<C-w>`: deletes the word before the cursor (and the spaces after it).
    public mutating func deleteWord() {
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// `<C-u>`: deletes everything before the cursor.
    public mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    public mutating func replace(with text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// Replaces the text before the cursor and keeps what follows it (completion).
    public mutating func replaceBeforeCursor(with text: String) {
        let replacement = Array(text)
        characters = replacement + characters[cursor...]
        cursor = replacement.count
    }

    /// The text before the cursor (for width computations when drawing the cursor).
    public var beforeCursor: String { String(characters[0..<cursor]) }
}
