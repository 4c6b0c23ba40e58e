/// The separator `lanes intake` writes into a mail reply's comment between what the sender
/// wrote and what they quoted or signed.
///
/// The comment keeps everything (the event is the record of what arrived), but the issue view
/// shows only the part above the separator and one line saying how much is folded: a thread of
/// replies that each quote the whole history would otherwise bury every new sentence.
public enum QuoteFold {
    /// A line no person types by accident, after git's scissors line.
    public static let separator = "-- >8 -- quoted text and signature --"

    /// The text above the separator and a line counting the rest, or `text` if it has none.
    public static func folded(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let cut = lines.firstIndex(where: { $0 == separator }) else { return text }
        let kept = lines[..<cut].joined(separator: "\n")
        return kept + "\n[" + Plural.count(lines.count - cut - 1, "line") + " of quoted text and signature folded]"
    }
}
