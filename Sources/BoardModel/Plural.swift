/// "1 issue", "2 issues": the one place a count gets its noun, so the CLI and the board say it
/// the same way (and never "1 issues").
public enum Plural {
    /// `singular` for a count of 1 (or -1), else `plural` (default: `singular` + "s").
    public static func noun(_ singular: String, _ count: Int, plural: String? = nil) -> String {
        count == 1 || count == -1 ? singular : plural ?? singular + "s"
    }

    /// A list of choices as a sentence says it: "a, b or c".
    public static func choice(_ words: [String]) -> String {
        guard let last = words.last else { return "" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The count and its noun: "1 issue", "0 issues", "3 problems".
    public static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) " + noun(singular, count, plural: plural)
    }
}
