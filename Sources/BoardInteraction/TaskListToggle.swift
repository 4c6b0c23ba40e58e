/// Checks or unchecks one task item of a description: `[ ]` ↔ `[x]` on its line, every other
/// byte of the text left as it was, so the edit merges and undoes like any description edit.
public enum TaskListToggle {
    /// The text with the task box on line `line` (0-based) flipped, or nil when that line has
    /// no task box (the text changed since the view was drawn).
    public static func toggled(_ text: String, line: Int) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.indices.contains(line) else { return nil }
        let source = lines[line]
        for (box, flipped) in [("[ ]", "[x]"), ("[x]", "[ ]"), ("[X]", "[ ]")] {
            // The box follows the bullet (`- `, `* `, `+ `), after any indentation or quote marks.
            guard let range = source.range(of: box),
                  source[..<range.lowerBound].trimmingCharacters(in: " >").count == 1,
                  let bullet = source[..<range.lowerBound].trimmingCharacters(in: " >").first, "-*+".contains(bullet) else { continue }
            lines[line] = source[..<range.lowerBound] + flipped + source[range.upperBound...]
            return lines.joined(separator: "\n")
        }
        return nil
    }
}

extension Substring {
    /// The text without `characters` at either end.
    fileprivate func trimmingCharacters(in characters: String) -> Substring {
        var result = self
        while let first = result.first, characters.contains(first) { result = result.dropFirst() }
        while let last = result.last, characters.contains(last) { result = result.dropLast() }
        return result
    }
}
